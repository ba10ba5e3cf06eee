/**
 * Merges data-src/translations into the data, for Vietnamese and Chinese:
 * {vi,zh}.json → features' `descriptionTranslations`; events-* (titles) and events-desc-* →
 * events; agreements-* → agreements' title and `descriptionTranslations`; notes-* (keyed by the
 * English text) → status-history `noteTranslations` and province notes' `textTranslations`;
 * methods-* (by sentence, see scripts/lib/sentence-translations.ts) → `location.methodTranslations`;
 * uncertainties-* → `uncertaintyTranslations`; parties-* → agreements' `partyTranslations`;
 * figures-* → event figures' `labelTranslations`; counterpart-notes-* → `counterpartNoteTranslations`
 * (all keyed by the English text). Methods with an
 * untranslated sentence are listed as a warning, not an error, so new data still merges.
 * The English description stays the reference; the validator checks
 * that each translation still carries every number of it, so a stale translation is caught.
 * Run with `npm run data:translations`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Feature, Point } from 'geojson';
import { KINDS } from '../src/data/kinds';
import { GEO_DIR, readJson, writeJson } from './lib/data-files';
import { translateBySentence, type SentenceTable } from './lib/sentence-translations';

/** provinces.json is indented by 2, unlike the other files. */
function writeJsonPretty(path: string, value: unknown) {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

const LANGUAGES = ['vi', 'zh'] as const;

type AdminWithZh = { prefecture?: string; district?: string; commune?: string; zh?: Record<string, string> };

/**
 * data-src/translations/<prefix>-<language>.json for each language, or <language>.json for the
 * feature descriptions (prefix ''); {} where the file is missing.
 */
function readPerLanguage<T>(prefix: string): Record<(typeof LANGUAGES)[number], Record<string, T>> {
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const path = `data-src/translations/${prefix ? `${prefix}-` : ''}${language}.json`;
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
  const translations = readPerLanguage<string>('');
  const notes = readPerLanguage<string>('notes');
  const adminZh = (existsSync('data-src/translations/admin-zh.json') ? readJson('data-src/translations/admin-zh.json') : {}) as Partial<
    Record<'prefecture' | 'district' | 'commune', Record<string, string>>
  >;
  const methodTables = readPerLanguage<unknown>('methods') as unknown as Record<(typeof LANGUAGES)[number], SentenceTable>;
  const uncertainties = readPerLanguage<string>('uncertainties');
  const counterpartNotes = readPerLanguage<string>('counterpart-notes');
  /** English method sentences with no translation, per language, with how many features use them. */
  const untranslated: Record<string, Map<string, number>> = { vi: new Map(), zh: new Map() };
  let methodsMerged = 0;
  let uncertaintiesMerged = 0;
  const seen = new Set<string>();
  let merged = 0;
  for (const { file } of KINDS) {
    const path = `${GEO_DIR}/${file}`;
    const collection = readJson(path) as { features: Feature<Point, { id: string; descriptionTranslations?: Record<string, string> }>[] };
    for (const feature of collection.features) {
      const id = feature.properties.id;
      seen.add(id);
      // History notes are keyed by their English text: the same note on both sides of a pair
      // shares one translation, and an edited note simply stops matching.
      const history = (feature.properties as { statusHistory?: { note: string; noteTranslations?: Record<string, string> }[] }).statusHistory ?? [];
      for (const change of history) setTranslations(change, 'noteTranslations', (language) => notes[language][change.note]);
      // Admin units of Chinese places in characters (admin-zh.json, keyed by the English text).
      for (const period of (feature.properties as { admin?: AdminWithZh[] }).admin ?? []) {
        const zh: Record<string, string> = {};
        for (const level of ['prefecture', 'district', 'commune'] as const) {
          const text = period[level];
          const characters = text ? adminZh[level]?.[text] : undefined;
          if (characters) zh[level] = characters;
        }
        if (Object.keys(zh).length) period.zh = zh;
        else delete period.zh;
      }
      const location = (feature.properties as unknown as { location: { method: string; methodTranslations?: Record<string, string> } }).location;
      const methods = Object.fromEntries(
        LANGUAGES.map((language) => {
          const { text, missing } = translateBySentence(location.method, methodTables[language]);
          for (const m of missing) untranslated[language].set(m, (untranslated[language].get(m) ?? 0) + 1);
          return [language, text];
        }),
      );
      if (setTranslations(location, 'methodTranslations', (language) => methods[language])) methodsMerged++;
      // Uncertainties: a parallel array, one entry per English sentence ({} where none is translated).
      const props = feature.properties as { uncertainties?: string[]; uncertaintyTranslations?: Record<string, string>[] };
      if (props.uncertainties?.length) {
        const list = props.uncertainties.map((u) => {
          const entry: Record<string, string> = {};
          for (const language of LANGUAGES) if (uncertainties[language][u]) entry[language] = uncertainties[language][u];
          return entry;
        });
        if (list.some((e) => Object.keys(e).length)) {
          props.uncertaintyTranslations = list;
          uncertaintiesMerged += list.filter((e) => Object.keys(e).length).length;
        } else delete props.uncertaintyTranslations;
      } else delete props.uncertaintyTranslations;
      const withNote = feature.properties as { counterpartNote?: string; counterpartNoteTranslations?: Record<string, string> };
      setTranslations(withNote, 'counterpartNoteTranslations', (language) => (withNote.counterpartNote ? counterpartNotes[language][withNote.counterpartNote] : undefined));
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
  const units = readPerLanguage<string>('units');
  const figureLabels = readPerLanguage<string>('figures');
  let labelsMerged = 0;
  for (const event of events.events) {
    for (const figure of (event as { figures?: { label: string; labelTranslations?: Record<string, string> }[] }).figures ?? []) {
      if (setTranslations(figure, 'labelTranslations', (language) => figureLabels[language][figure.label])) labelsMerged++;
    }
    // Figure units ("billion VND" → "tỷ đồng", "十亿越南盾"), keyed by the English unit.
    for (const figure of (event as { figures?: { unit: string; unitTranslations?: Record<string, string> }[] }).figures ?? []) {
      setTranslations(figure, 'unitTranslations', (language) => units[language][figure.unit]);
    }
    if (setTranslations(event, 'titleTranslations', (language) => eventTitles[language][event.id])) titled++;
    setTranslations(event, 'descriptionTranslations', (language) => eventDescriptions[language][event.id]);
  }
  writeJson(eventsPath, events);
  console.log(`merged title translations into ${titled} events`);

  const agreementTexts = readPerLanguage<{ title?: string; description?: string }>('agreements');
  const agreementsPath = `${GEO_DIR}/agreements.json`;
  const agreements = readJson(agreementsPath) as {
    agreements: { id: string; title: Record<string, string>; parties: string[]; partyTranslations?: Record<string, string>[]; descriptionTranslations?: Record<string, string> }[];
  };
  const parties = readPerLanguage<string>('parties');
  const untranslatedParties = new Set<string>();
  for (const agreement of agreements.agreements) {
    const list = agreement.parties.map((party) => {
      const entry: Record<string, string> = {};
      for (const language of LANGUAGES) if (parties[language][party]) entry[language] = parties[language][party];
      if (Object.keys(entry).length < LANGUAGES.length) untranslatedParties.add(party);
      return entry;
    });
    if (list.some((e) => Object.keys(e).length)) agreement.partyTranslations = list;
    else delete agreement.partyTranslations;
    for (const language of LANGUAGES) {
      const title = agreementTexts[language][agreement.id]?.title;
      if (title) agreement.title[language] = title;
    }
    setTranslations(agreement, 'descriptionTranslations', (language) => agreementTexts[language][agreement.id]?.description);
  }
  writeJson(agreementsPath, agreements);

  const provincesPath = `${GEO_DIR}/provinces.json`;
  const provinces = readJson(provincesPath) as { provinces: { notes?: { text: string; textTranslations?: Record<string, string> }[] }[] };
  for (const province of provinces.provinces) {
    for (const note of province.notes ?? []) setTranslations(note, 'textTranslations', (language) => notes[language][note.text]);
  }
  writeJsonPretty(provincesPath, provinces);
  for (const language of LANGUAGES) {
    const unknown = Object.keys(translations[language]).filter((id) => !seen.has(id));
    if (unknown.length) console.warn(`${language}: no feature for ${unknown.join(', ')}`);
  }
  console.log(`merged translations into ${merged} features`);
  console.log(`merged method translations into ${methodsMerged} features, ${uncertaintiesMerged} uncertainties, ${labelsMerged} figure labels`);
  // Untranslated methods are a warning: a data branch that adds a method still validates, and
  // the app shows the English method (marked lang="en") until a translation lands.
  for (const language of LANGUAGES) {
    const missing = [...untranslated[language]];
    if (missing.length) {
      console.warn(`${language}: ${missing.length} method sentences without a translation (data-src/translations/methods-${language}.json):`);
      for (const [sentence, count] of missing) console.warn(`  [${count}] ${sentence}`);
    }
  }
  if (untranslatedParties.size) console.warn(`parties without a vi and zh translation: ${[...untranslatedParties].join(' | ')}`);
}

main();
