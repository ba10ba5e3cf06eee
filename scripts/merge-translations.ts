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

/** data-src/translations/<prefix>-<language>.json for each language ({} where the file is missing). */
function readPerLanguage<T>(prefix: string): Record<(typeof LANGUAGES)[number], Record<string, T>> {
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const path = `data-src/translations/${prefix}-${language}.json`;
      return [language, existsSync(path) ? (readJson(path) as Record<string, T>) : {}];
    }),
  ) as Record<(typeof LANGUAGES)[number], Record<string, T>>;
}

/** Sets record[key] to the languages that have a text, or removes it; true when set. */
function setTranslations<K extends string>(
  record: Partial<Record<K, Record<string, string>>>,
  key: K,
  text: (language: (typeof LANGUAGES)[number]) => string | undefined,
): boolean {
  const entry: Record<string, string> = {};
  for (const language of LANGUAGES) {
    const value = text(language);
    if (value) entry[language] = value;
  }
  if (Object.keys(entry).length) {
    record[key] = entry;
    return true;
  }
  delete record[key];
  return false;
}

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
      if (setTranslations(feature.properties, 'descriptionTranslations', (language) => translations[language][id])) merged++;
    }
    writeJson(path, collection);
  }
  const eventTitles = readPerLanguage<string>('events');
  const eventDescriptions = readPerLanguage<string>('events-desc');
  const eventsPath = `${GEO_DIR}/events.json`;
  const events = readJson(eventsPath) as {
    events: { id: string; titleTranslations?: Record<string, string>; descriptionTranslations?: Record<string, string> }[];
  };
  let titled = 0;
  for (const event of events.events) {
    if (setTranslations(event, 'titleTranslations', (language) => eventTitles[language][event.id])) titled++;
    setTranslations(event, 'descriptionTranslations', (language) => eventDescriptions[language][event.id]);
  }
  writeJson(eventsPath, events);
  console.log(`merged title translations into ${titled} events`);

  const agreementTexts = readPerLanguage<{ title?: string; description?: string }>('agreements');
  const agreementsPath = `${GEO_DIR}/agreements.json`;
  const agreements = readJson(agreementsPath) as {
    agreements: { id: string; title: Record<string, string>; descriptionTranslations?: Record<string, string> }[];
  };
  for (const agreement of agreements.agreements) {
    for (const language of LANGUAGES) {
      const title = agreementTexts[language][agreement.id]?.title;
      if (title) agreement.title[language] = title;
    }
    setTranslations(agreement, 'descriptionTranslations', (language) => agreementTexts[language][agreement.id]?.description);
  }
  writeJson(agreementsPath, agreements);
  for (const language of LANGUAGES) {
    const unknown = Object.keys(translations[language]).filter((id) => !seen.has(id));
    if (unknown.length) console.warn(`${language}: no feature for ${unknown.join(', ')}`);
  }
  console.log(`merged translations into ${merged} features`);
}

main();
