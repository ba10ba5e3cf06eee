/**
 * Every rule the curated data must keep, as a pure function over the parsed files: schemas,
 * unique ids, resolvable references, dates not in the future, cited sources (and no source cited by nothing), and geometry
 * against the border line (distance by layer, right side of the border). Returns problems; an
 * empty list means the data is valid.
 */
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { z } from 'zod';
import { countryAt, nearestOnBorder } from './geo';
import { findContradictions, type ContradictionCheck } from './contradictions';
import { periodStart } from '../../src/lib/dates';
import { DATA_FILES, type CuratedFileName, type DataFile } from '../../src/data/files';
import { KIND, KINDS } from '../../src/data/kinds';
import type { AtlasProperties } from '../../src/data/schema';

export interface DataProblem {
  file: string;
  id: string;
  message: string;
  /** Which contradiction check found it (scripts/lib/contradictions.ts), if one did. */
  check?: ContradictionCheck;
}

/** Maximum distance from the border line, by feature kind (issue #3). */
export const MAX_DISTANCE_KM: Record<AtlasProperties['kind'], number> = {
  gate: 3,
  opening: 5,
  market: 5,
  commune: 20,
  post: 20,
};
/** Points this close to the line (markers on a river bank) are on the line: no side check. */
export const ON_LINE_METERS = 100;

/** The curated files as read from disk, not yet parsed. */
export type RawFiles = Record<CuratedFileName, unknown>;

function parse<T>({ schema, file }: DataFile<z.ZodType<T>>, value: unknown, problems: DataProblem[]): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues.slice(0, 50)) {
    problems.push({ file, id: issue.path.join('.') || '(root)', message: issue.message });
  }
  return null;
}

type Geometry = { border: Feature<LineString>; countries: Feature<Polygon | MultiPolygon, { a3: string }>[] };

/** Every problem that fails the data (an empty list means the data is valid). */
export function validateData(raw: RawFiles, geometry: Geometry, today: string): DataProblem[] {
  return checkData(raw, geometry, today).errors;
}

/**
 * Errors fail `npm run data:validate`; warnings are contradictions the data still has while the
 * data engineers fix them (see PROVISIONAL_WARNINGS), printed by the validator and the report.
 */
export function checkData(raw: RawFiles, geometry: Geometry, today: string): { errors: DataProblem[]; warnings: DataProblem[] } {
  const problems: DataProblem[] = [];
  const warnings: DataProblem[] = [];
  const add = (file: string, id: string, message: string) => problems.push({ file, id, message });

  const sources = parse(DATA_FILES.sources, raw.sources, problems);
  const agreements = parse(DATA_FILES.agreements, raw.agreements, problems);
  const events = parse(DATA_FILES.events, raw.events, problems);
  const provinces = parse(DATA_FILES.provinces, raw.provinces, problems);
  const features: { file: string; feature: Feature<Point, AtlasProperties> }[] = [];
  for (const { layer, file } of KINDS) {
    const parsed = parse(DATA_FILES[layer], raw[layer], problems);
    for (const feature of parsed?.features ?? []) features.push({ file, feature });
  }

  const sourceIds = new Set<string>();
  for (const s of sources?.sources ?? []) {
    if (sourceIds.has(s.id)) add('sources.json', s.id, 'duplicate id');
    sourceIds.add(s.id);
    if (s.date && periodStart(s.date) > today) add('sources.json', s.id, `date ${s.date} is in the future`);
  }
  const provinceIds = new Set<string>();
  for (const p of provinces?.provinces ?? []) {
    if (provinceIds.has(p.id)) add('provinces.json', p.id, 'duplicate id');
    provinceIds.add(p.id);
  }
  const agreementIds = new Set<string>();
  for (const a of agreements?.agreements ?? []) {
    if (agreementIds.has(a.id)) add('agreements.json', a.id, 'duplicate id');
    agreementIds.add(a.id);
  }
  const featureIds = new Map<string, string>();
  const pairIds = new Set<string>();
  for (const { file, feature } of features) {
    const id = feature.properties.id;
    if (featureIds.has(id)) add(file, id, `duplicate id (also in ${featureIds.get(id)})`);
    featureIds.set(id, file);
    if (feature.properties.pairId) pairIds.add(feature.properties.pairId);
    if (KIND[feature.properties.kind].file !== file) add(file, id, `kind ${feature.properties.kind} does not belong in ${file}`);
  }

  /** Every id any fact cites: a source nothing cites is dead weight in the counts and the lists. */
  const cited = new Set<string>();
  const checkSources = (file: string, id: string, ids: readonly string[], what: string) => {
    for (const s of ids) {
      cited.add(s);
      if (!sourceIds.has(s)) add(file, id, `${what} cites unknown source "${s}"`);
    }
  };
  /** A translation that lost a number of its English text, or an English text edited after it was translated. */
  const checkTranslations = (file: string, id: string, what: string, english: string, translations: { vi?: string; zh?: string } | undefined) => {
    for (const language of ['vi', 'zh'] as const) {
      const text = translations?.[language];
      if (!text) continue;
      const missing = missingNumbers(english, text);
      if (missing.length) add(file, id, `the ${language} ${what} lacks ${missing.join(', ')} of the English one`);
    }
  };
  const checkDate = (file: string, id: string, date: string | null | undefined, what: string) => {
    if (date && periodStart(date) > today) add(file, id, `${what} ${date} is in the future`);
  };

  // Features: references, dates, geometry.
  for (const { file, feature } of features) {
    const p = feature.properties;
    checkSources(file, p.id, p.sourceIds, 'feature');
    checkSources(file, p.id, p.location.sourceIds, 'location');
    if (p.location.anchor) checkSources(file, p.id, p.location.anchor.sourceIds, 'location anchor');
    checkTranslations(file, p.id, 'description', p.description, p.descriptionTranslations);
    checkTranslations(file, p.id, 'position method', p.location.method, p.location.methodTranslations);
    if (p.counterpartNote) checkTranslations(file, p.id, 'counterpart note', p.counterpartNote, p.counterpartNoteTranslations);
    if (p.uncertaintyTranslations) {
      if (p.uncertaintyTranslations.length !== (p.uncertainties ?? []).length) add(file, p.id, 'uncertaintyTranslations does not have one entry per uncertainty');
      p.uncertaintyTranslations.forEach((tr, i) => checkTranslations(file, `${p.id} uncertainties[${i}]`, 'uncertainty', p.uncertainties?.[i] ?? '', tr));
    }
    const history = 'statusHistory' in p ? p.statusHistory : [];
    history.forEach((change, i) => checkTranslations(file, `${p.id} statusHistory[${i}]`, 'note', change.note, change.noteTranslations));
    for (const period of p.admin) {
      if (!provinceIds.has(period.provinceId)) add(file, p.id, `unknown province "${period.provinceId}"`);
      checkSources(file, p.id, period.sourceIds ?? [], 'admin period');
    }
    if (p.counterpartId) {
      const other = featureIds.get(p.counterpartId);
      if (!other) add(file, p.id, `counterpart "${p.counterpartId}" is not in the data`);
    }
    if ('parentPairId' in p && p.parentPairId && !pairIds.has(p.parentPairId)) add(file, p.id, `parent pair "${p.parentPairId}" is not in the data`);
    if ('statusHistory' in p) {
      for (const change of p.statusHistory ?? []) {
        checkSources(file, p.id, change.sourceIds, `status change ${change.date}`);
        checkDate(file, p.id, change.date, 'status change');
      }
    }
    if ('pairedSince' in p) checkDate(file, p.id, p.pairedSince, 'pairedSince');

    const position = feature.geometry.coordinates;
    const nearest = nearestOnBorder(geometry.border, position);
    const max = MAX_DISTANCE_KM[p.kind];
    if (nearest.distanceKm > max) add(file, p.id, `is ${nearest.distanceKm.toFixed(1)} km from the border line (a ${p.kind} must be within ${max} km)`);
    if (nearest.distanceKm * 1000 > ON_LINE_METERS) {
      const country = countryAt(geometry.countries, position);
      if (country !== p.side) add(file, p.id, `is a ${p.side} feature but lies ${country ? `in ${country}` : 'outside Vietnam and China'} at ${position.join(',')}`);
    }
  }

  // Pairs: the two sides of a pair are on opposite sides of the border.
  const byPair = new Map<string, Feature<Point, AtlasProperties>[]>();
  for (const { feature } of features) {
    const pairId = feature.properties.pairId;
    if (!pairId) continue;
    byPair.set(pairId, [...(byPair.get(pairId) ?? []), feature]);
  }
  for (const [pairId, members] of byPair) {
    const sides = new Set(members.map((m) => m.properties.side));
    if (members.length > 1 && sides.size < 2) add('(pairs)', pairId, 'every member of the pair is on the same side');
  }

  for (const e of events?.events ?? []) {
    checkSources('events.json', e.id, e.sourceIds, 'event');
    checkDate('events.json', e.id, e.date, 'event date');
    for (const f of e.featureIds) if (!featureIds.has(f)) add('events.json', e.id, `unknown feature "${f}"`);
    for (const pr of e.provinceIds) if (!provinceIds.has(pr)) add('events.json', e.id, `unknown province "${pr}"`);
    for (const a of e.agreementIds) if (!agreementIds.has(a)) add('events.json', e.id, `unknown agreement "${a}"`);
  }
  const eventIds = new Set<string>();
  for (const e of events?.events ?? []) {
    if (eventIds.has(e.id)) add('events.json', e.id, 'duplicate id');
    checkTranslations('events.json', e.id, 'title', e.title, e.titleTranslations);
    checkTranslations('events.json', e.id, 'description', e.description, e.descriptionTranslations);
    for (const f of e.figures ?? []) checkTranslations('events.json', e.id, 'figure label', f.label, f.labelTranslations);
    eventIds.add(e.id);
  }
  for (const a of agreements?.agreements ?? []) {
    checkSources('agreements.json', a.id, a.sourceIds, 'agreement');
    checkTranslations('agreements.json', a.id, 'title', a.title.en, a.title);
    checkTranslations('agreements.json', a.id, 'description', a.description, a.descriptionTranslations);
    if (a.partyTranslations) {
      if (a.partyTranslations.length !== a.parties.length) add('agreements.json', a.id, 'partyTranslations does not have one entry per party');
      a.partyTranslations.forEach((tr, i) => checkTranslations('agreements.json', a.id, 'party', a.parties[i] ?? '', tr));
    }
    checkDate('agreements.json', a.id, a.signed, 'signing date');
    checkDate('agreements.json', a.id, a.inForce, 'entry into force');
    for (const f of a.featureIds) if (!featureIds.has(f)) add('agreements.json', a.id, `unknown feature "${f}"`);
    for (const pr of a.provinceIds) if (!provinceIds.has(pr)) add('agreements.json', a.id, `unknown province "${pr}"`);
  }
  for (const p of provinces?.provinces ?? []) {
    checkSources('provinces.json', p.id, p.sourceIds, 'province');
    for (const n of p.notes) {
      checkSources('provinces.json', p.id, n.sourceIds, 'note');
      checkTranslations('provinces.json', p.id, 'note', n.text, n.textTranslations);
    }
    for (const l of p.borderLengths) checkSources('provinces.json', p.id, l.sourceIds, 'border length');
    if (p.label) checkSources('provinces.json', p.id, p.label.sourceIds, 'label');
    if (p.successorId && !provinceIds.has(p.successorId)) add('provinces.json', p.id, `unknown successor "${p.successorId}"`);
  }
  const wholeBorder = provinces?.borderLengths ?? [];
  wholeBorder.forEach((l, i) => {
    checkSources('provinces.json', `borderLengths[${i}]`, l.sourceIds, 'border length');
    checkDate('provinces.json', `borderLengths[${i}]`, l.asOf, 'date');
  });
  // The summary shows one headline figure beside the measured length; two would be ambiguous.
  if (wholeBorder.length && wholeBorder.filter((l) => l.headline).length !== 1) {
    add('provinces.json', 'borderLengths', 'exactly one whole-border length must be the headline');
  }

  if (sources && agreements && events && provinces) {
    for (const source of sources.sources) if (!cited.has(source.id)) add('sources.json', source.id, 'cited by nothing: cite it from the fact it supports, or remove it');
    const found = findContradictions({ features, sources: sources.sources, events: events.events, agreements: agreements.agreements, provinces: provinces.provinces });
    for (const c of found) (c.severity === 'error' ? problems : warnings).push({ file: c.file, id: c.id, message: c.message, check: c.check });
  }
  return { errors: problems, warnings };
}

/** Digit groups, with thousands separators (1,456 / 1.456 / 1 456) joined so styles compare. */
export function numbersIn(text: string): string[] {
  return text.replace(/(\d)[.,\s](?=\d{3}(?!\d))/g, '$1').match(/\d+/g) ?? [];
}

/**
 * The numbers of the English text a translation must repeat digit for digit. Left out: the "19"
 * of COVID-19 (a name; Chinese writes 新冠), the digit of "class-1" (一类), and amounts a language legitimately rescales — those
 * with a scale word (250 m yuan is 2.5亿元, 8 m crossings 800万人次) or of 10,000 and more
 * (298,000 is 29.8万).
 */
export function numbersToCarry(original: string): string[] {
  const text = original
    .replace(/COVID-19/gi, 'COVID')
    // China's port classes are words in Chinese (一类口岸, 二类口岸).
    .replace(/class-\d/gi, 'class')
    .replace(/(\d)[.,\s](?=\d{3}(?!\d))/g, '$1')
    .replace(/\d+(?:\.\d+)?\s?(?:m|bn|million|billion|Mt|trillion)\b/g, ' ');
  return (text.match(/\d+/g) ?? []).filter((n) => Number(n) < 10_000);
}

/** The numbers of `original` that `translation` does not carry (as many times as they occur). */
export function missingNumbers(original: string, translation: string): string[] {
  const left = numbersIn(translation);
  const missing: string[] = [];
  for (const n of numbersToCarry(original)) {
    const i = left.indexOf(n);
    if (i >= 0) left.splice(i, 1);
    else missing.push(n);
  }
  return missing;
}
