/**
 * Merges data-src/translations/{vi,zh}.json ({ featureId: text }) into the features'
 * `descriptionTranslations`, and events-{vi,zh}.json ({ eventId: title }) into the events'
 * `titleTranslations`. The English description stays the reference; the validator checks
 * that each translation still carries every number of it, so a stale translation is caught.
 * Run with `npm run data:translations`.
 */
import { existsSync } from 'node:fs';
import type { Feature, Point } from 'geojson';
import { FEATURE_FILES, GEO_DIR, readJson, writeJson } from './lib/data-files';

const LANGUAGES = ['vi', 'zh'] as const;

function main() {
  const translations = Object.fromEntries(
    LANGUAGES.map((language) => {
      const path = `data-src/translations/${language}.json`;
      return [language, existsSync(path) ? (readJson(path) as Record<string, string>) : {}];
    }),
  ) as Record<(typeof LANGUAGES)[number], Record<string, string>>;
  const seen = new Set<string>();
  let merged = 0;
  for (const name of FEATURE_FILES) {
    const path = `${GEO_DIR}/${name}.geojson`;
    const collection = readJson(path) as { features: Feature<Point, { id: string; descriptionTranslations?: Record<string, string> }>[] };
    for (const feature of collection.features) {
      const id = feature.properties.id;
      seen.add(id);
      const entry: Record<string, string> = {};
      for (const language of LANGUAGES) if (translations[language][id]) entry[language] = translations[language][id];
      if (Object.keys(entry).length) {
        feature.properties.descriptionTranslations = entry;
        merged++;
      } else delete feature.properties.descriptionTranslations;
    }
    writeJson(path, collection);
  }
  const eventTitles = Object.fromEntries(
    LANGUAGES.map((language) => {
      const path = `data-src/translations/events-${language}.json`;
      return [language, existsSync(path) ? (readJson(path) as Record<string, string>) : {}];
    }),
  ) as Record<(typeof LANGUAGES)[number], Record<string, string>>;
  const eventsPath = `${GEO_DIR}/events.json`;
  const events = readJson(eventsPath) as { events: { id: string; titleTranslations?: Record<string, string> }[] };
  let titled = 0;
  for (const event of events.events) {
    const entry: Record<string, string> = {};
    for (const language of LANGUAGES) if (eventTitles[language][event.id]) entry[language] = eventTitles[language][event.id];
    if (Object.keys(entry).length) {
      event.titleTranslations = entry;
      titled++;
    } else delete event.titleTranslations;
  }
  writeJson(eventsPath, events);
  console.log(`merged title translations into ${titled} events`);
  for (const language of LANGUAGES) {
    const unknown = Object.keys(translations[language]).filter((id) => !seen.has(id));
    if (unknown.length) console.warn(`${language}: no feature for ${unknown.join(', ')}`);
  }
  console.log(`merged translations into ${merged} features`);
}

main();
