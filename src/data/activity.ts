/**
 * Events and agreements as things a planner looks for: the text the search indexes for each
 * (titles, descriptions, places, participants and session numbers, in en/vi/zh), and the
 * border-wide activity list with its filters (kind, province, crossing pair, date range).
 * Pure: no store, no React.
 */
import { periodStart } from '../lib/dates';
import { allProvincesOf, type AtlasData } from './model';
import type { Agreement, AtlasEvent, EventKind, Names } from './schema';

import { AGREEMENT_HIT_PREFIX, EVENT_HIT_PREFIX } from './search-ids';

export { AGREEMENT_HIT_PREFIX, EVENT_HIT_PREFIX };

/** One event or agreement as the search sees it: raw texts per field (the index makes the terms). */
export interface ActivityDocument {
  /** `event:<id>` or `agreement:<id>`. */
  id: string;
  /** Day the item counts from (newest first among equally good matches). */
  day: string;
  /** Titles in every language, the acronyms of their long names and the session number. */
  title: string[];
  /** Places and participants: the linked features' and provinces' names, an agreement's parties. */
  places: string[];
  /** Descriptions in every language. */
  text: string[];
}

const ORDINAL_SUFFIX = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
};

/** "11" -> "11th" (English ordinal, as titles and planners write session numbers). */
export function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX(n)}`;
}

/**
 * Initials of every run of three or more capitalised words in an English title, as meetings are
 * abbreviated ("Joint Working Group" -> "JWG", "Land Border Joint Committee" -> "LBJC").
 * @example acronyms('11th Joint Working Group session') // ['JWG']
 */
export function acronyms(title: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.map((w) => w[0]).join(''));
    run = [];
  };
  for (const word of title.split(/[\s–—-]+/)) {
    if (/^\p{Lu}\p{Ll}/u.test(word)) run.push(word);
    else flush();
  }
  flush();
  return out;
}

const namesOf = (names: Names | undefined) => (names ? [names.vi, names.zh, names.pinyin, names.en, ...(names.aliases ?? [])].filter((n): n is string => Boolean(n)) : []);

function placesOf(data: AtlasData, featureIds: string[], provinceIds: string[]): string[] {
  return [
    ...featureIds.flatMap((id) => namesOf(data.byId.get(id)?.properties.names)),
    ...provinceIds.flatMap((id) => namesOf(data.provinces.get(id)?.names)),
  ];
}

export function eventDocument(data: AtlasData, event: AtlasEvent): ActivityDocument {
  const session = event.sessionNumber ? [String(event.sessionNumber), ordinal(event.sessionNumber)] : [];
  return {
    id: `${EVENT_HIT_PREFIX}${event.id}`,
    day: periodStart(event.date),
    title: [event.title, event.titleTranslations?.vi, event.titleTranslations?.zh, ...acronyms(event.title), ...session].filter((t): t is string => Boolean(t)),
    places: placesOf(data, event.featureIds, event.provinceIds),
    text: [event.description, event.descriptionTranslations?.vi, event.descriptionTranslations?.zh].filter((t): t is string => Boolean(t)),
  };
}

export function agreementDocument(data: AtlasData, agreement: Agreement): ActivityDocument {
  return {
    id: `${AGREEMENT_HIT_PREFIX}${agreement.id}`,
    day: periodStart(agreement.signed ?? agreement.inForce ?? '0000'),
    title: [agreement.title.en, agreement.title.vi, agreement.title.zh, ...acronyms(agreement.title.en)].filter((t): t is string => Boolean(t)),
    places: [...placesOf(data, agreement.featureIds, agreement.provinceIds), ...agreement.parties],
    text: [agreement.description, agreement.descriptionTranslations?.vi, agreement.descriptionTranslations?.zh].filter((t): t is string => Boolean(t)),
  };
}

/** Every event and agreement as a search document. */
export function activityDocuments(data: AtlasData): ActivityDocument[] {
  return [...data.events.map((e) => eventDocument(data, e)), ...data.agreements.map((a) => agreementDocument(data, a))];
}

/** The activity view's filters; empty lists and nulls mean "any". Days are YYYY-MM-DD, inclusive. */
export interface ActivityFilter {
  kinds: EventKind[];
  provinces: string[];
  /** A crossing pair id (features sharing a pairId): events of either side. */
  pair: string | null;
  from: string | null;
  to: string | null;
}

export const EMPTY_ACTIVITY_FILTER: ActivityFilter = Object.freeze({ kinds: [], provinces: [], pair: null, from: null, to: null }) as ActivityFilter;

/** True when an event concerns a province: named at province level, or through a linked feature. */
export function eventInProvinces(data: AtlasData, event: AtlasEvent, provinces: readonly string[]): boolean {
  if (event.provinceIds.some((id) => provinces.includes(id))) return true;
  return event.featureIds.some((id) => {
    const feature = data.byId.get(id);
    return feature ? allProvincesOf(feature).some((p) => provinces.includes(p)) : false;
  });
}

/** True when an event is linked to a feature of the pair (either side). */
export function eventInPair(data: AtlasData, event: AtlasEvent, pair: string): boolean {
  return event.featureIds.some((id) => data.byId.get(id)?.properties.pairId === pair);
}

/**
 * Events passing the filter, newest first. A partial date counts from the start of its period
 * (an event dated "2023" is in 2023-01-01 … 2023-12-31, as everywhere in the app), and nothing
 * after `upTo` (the as-of day) is listed.
 */
export function filterActivity(data: AtlasData, filter: ActivityFilter, upTo: string): AtlasEvent[] {
  return data.events.filter((event) => {
    const day = periodStart(event.date);
    if (day > upTo) return false;
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    if (filter.kinds.length && !filter.kinds.includes(event.kind)) return false;
    if (filter.provinces.length && !eventInProvinces(data, event, filter.provinces)) return false;
    if (filter.pair && !eventInPair(data, event, filter.pair)) return false;
    return true;
  });
}

/** The crossing pairs events are linked to, for the pair filter: pair id -> feature ids of the pair. */
export function pairsWithEvents(data: AtlasData): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  const linked = new Set(data.events.flatMap((e) => e.featureIds));
  for (const feature of data.features) {
    const pair = feature.properties.pairId;
    if (!pair || !linked.has(feature.properties.id)) continue;
    pairs.set(pair, []);
  }
  for (const feature of data.features) {
    const pair = feature.properties.pairId;
    if (pair && pairs.has(pair)) pairs.get(pair)!.push(feature.properties.id);
  }
  return pairs;
}

/** The first and last day of a year, for "events of this year". */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Events per year up to the day, counted exactly as filterActivity lists them (for the chart). */
export function activityPerYear(data: AtlasData, filter: Partial<ActivityFilter>, upTo: string): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const event of filterActivity(data, { ...EMPTY_ACTIVITY_FILTER, ...filter }, upTo)) {
    const year = Number(event.date.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}
