/**
 * Contradictions a machine can see in the curated data (issue 9, item 7): a re-opening with no
 * closure before it, a gate recorded as planned or under construction after it was working, two
 * sides of a crossing giving the same pair-level event different statuses, the two sides of a
 * crossing drawn more than 5 km apart without a stated reason, two sources with one URL, and an
 * id used twice across the files. Pure functions over parsed data; scripts/lib/validate.ts runs
 * them and scripts/data-report.ts lists what they find.
 */
import type { Feature, Point } from 'geojson';
import type { Agreement, AtlasEvent, AtlasProperties, GateStatus, Province, Source, StatusChange } from '../../src/data/schema';
import { comparePartialDates } from '../../src/lib/dates';
import { distanceKm } from '../../src/lib/distance';

export type ContradictionCheck =
  | 'reopening-without-closure'
  | 'status-before-existence'
  | 'counterpart-disagrees'
  | 'pair-distance'
  | 'duplicate-url'
  | 'duplicate-id';

export interface Contradiction {
  check: ContradictionCheck;
  severity: 'error' | 'warning';
  file: string;
  id: string;
  message: string;
}

/**
 * Checks whose findings are warnings while the data engineers fix them; empty now that every pair
 * drawn more than 5 km apart states why (the last one to become an error, 1 Dec 2026). A new check
 * may start here, and leaves once `npm run data:report` lists none of its findings.
 */
export const PROVISIONAL_WARNINGS: ReadonlySet<ContradictionCheck> = new Set<ContradictionCheck>();

/** Farthest apart the two sides of a crossing may be drawn without `location.pairDistanceReason`. */
export const MAX_PAIR_DISTANCE_KM = 5;
/**
 * Kinds the pair-distance rule applies to: the two ends of one crossing. Paired communes and
 * posts are administrative units whose centres lie kilometres apart by nature.
 */
const CROSSING_KINDS: ReadonlySet<AtlasProperties['kind']> = new Set(['gate', 'opening', 'market']);

const CLOSURES: ReadonlySet<GateStatus> = new Set(['suspended', 'not-resumed', 'closed']);
const WORKING: ReadonlySet<GateStatus> = new Set(['operating', 'restored', 'upgrading']);
const NOT_YET: ReadonlySet<GateStatus> = new Set(['planned', 'under-construction']);

export interface ContradictionInput {
  features: { file: string; feature: Feature<Point, AtlasProperties> }[];
  sources: Source[];
  events: AtlasEvent[];
  agreements: Agreement[];
  provinces: Province[];
}

type Finding = Omit<Contradiction, 'severity'>;

/** A note cut to a length that fits one report line. */
function short(note: string): string {
  return note.length > 60 ? `${note.slice(0, 57)}…` : note;
}

function historyOf(p: AtlasProperties): StatusChange[] {
  return 'statusHistory' in p ? (p.statusHistory ?? []) : [];
}

/** Status entries in date order (stable: entries of one date keep the file's order). */
function dated(history: readonly StatusChange[]): StatusChange[] {
  return [...history].filter((c) => c.status).sort((a, b) => comparePartialDates(a.date, b.date));
}

/**
 * A `restored` entry needs a closure (suspended, not-resumed, closed) dated on or before it, in the
 * feature's own history or in its counterpart's (a crossing is shut when either side shuts it).
 */
export function reopeningsWithoutClosure(p: AtlasProperties, counterpart: AtlasProperties | undefined): string[] {
  const closures = [...historyOf(p), ...(counterpart ? historyOf(counterpart) : [])].filter((c) => c.status && CLOSURES.has(c.status));
  return dated(historyOf(p))
    .filter((c) => c.status === 'restored')
    .filter((r) => !closures.some((c) => comparePartialDates(c.date, r.date) <= 0 && c !== r))
    .map((r) => `re-opening on ${r.date} ("${short(r.note)}") has no closure (suspended, not-resumed or closed) before it, on either side`);
}

/**
 * A feature recorded as planned or under construction after it was working (with no closure in
 * between) contradicts itself: either the earlier status is dated before the feature existed, or
 * the later one hides a working gate (Lý Vạn read "planned" from 2021 while it worked).
 */
export function statusesBeforeExistence(p: AtlasProperties): string[] {
  const out: string[] = [];
  let working: StatusChange | null = null;
  for (const c of dated(historyOf(p))) {
    const status = c.status as GateStatus;
    if (NOT_YET.has(status) && working) {
      out.push(`${status} on ${c.date} although working since ${working.date} ("${short(working.note)}") with no closure between: the earlier status predates the feature, or the later one hides a working gate`);
    }
    if (WORKING.has(status)) working ??= c;
    else working = null;
  }
  return out;
}

/** The two sides give the same dated entry, one of them about the whole pair, with different statuses. */
export function counterpartDisagreements(p: AtlasProperties, counterpart: AtlasProperties): string[] {
  const out: string[] = [];
  for (const mine of historyOf(p)) {
    for (const theirs of historyOf(counterpart)) {
      if (mine.date !== theirs.date || !(mine.pair || theirs.pair)) continue;
      if (mine.status && theirs.status && mine.status !== theirs.status) {
        out.push(`pair-level entry of ${mine.date} is ${mine.status} here but ${theirs.status} on ${counterpart.id}`);
      }
    }
  }
  return out;
}

/** A URL as a reader would type it: no scheme, no "www.", no trailing slash, no fragment. */
export function normalizedUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function findContradictions(input: ContradictionInput): Contradiction[] {
  const findings: Finding[] = [];
  const byId = new Map(input.features.map(({ feature }) => [feature.properties.id, feature.properties]));

  for (const { file, feature } of input.features) {
    const p = feature.properties;
    const counterpart = p.counterpartId ? byId.get(p.counterpartId) : undefined;
    for (const message of reopeningsWithoutClosure(p, counterpart)) findings.push({ check: 'reopening-without-closure', file, id: p.id, message });
    for (const message of statusesBeforeExistence(p)) findings.push({ check: 'status-before-existence', file, id: p.id, message });
    // Each disagreement once: from the side whose id sorts first.
    if (counterpart && p.id < counterpart.id) {
      for (const message of counterpartDisagreements(p, counterpart)) findings.push({ check: 'counterpart-disagrees', file, id: p.id, message });
    }
  }

  // Pairs: the two sides of one crossing, drawn within 5 km of each other unless a reason is stated.
  const pairs = new Map<string, { file: string; feature: Feature<Point, AtlasProperties> }[]>();
  for (const entry of input.features) {
    const pairId = entry.feature.properties.pairId;
    if (pairId && CROSSING_KINDS.has(entry.feature.properties.kind)) pairs.set(pairId, [...(pairs.get(pairId) ?? []), entry]);
  }
  for (const [pairId, members] of pairs) {
    for (const a of members) {
      for (const b of members) {
        if (a.feature.properties.side !== 'VN' || b.feature.properties.side !== 'CN') continue;
        const km = distanceKm(a.feature.geometry.coordinates, b.feature.geometry.coordinates);
        const reason = a.feature.properties.location.pairDistanceReason ?? b.feature.properties.location.pairDistanceReason;
        if (km > MAX_PAIR_DISTANCE_KM && !reason) {
          findings.push({
            check: 'pair-distance',
            file: a.file,
            id: pairId,
            message: `${a.feature.properties.id} and ${b.feature.properties.id} are ${km.toFixed(1)} km apart (more than ${MAX_PAIR_DISTANCE_KM} km) and neither location states a pairDistanceReason`,
          });
        }
      }
    }
  }

  const urls = new Map<string, string>();
  for (const s of input.sources) {
    if (!s.url) continue;
    const key = normalizedUrl(s.url);
    const first = urls.get(key);
    if (first) findings.push({ check: 'duplicate-url', file: 'sources.json', id: s.id, message: `same URL as ${first} (${s.url}): merge them and re-point the citations` });
    else urls.set(key, s.id);
  }

  // One id names one thing across every file, so a citation or a link can never be ambiguous.
  const owners = new Map<string, string>();
  const claim = (id: string, file: string) => {
    const owner = owners.get(id);
    if (owner && owner !== file) findings.push({ check: 'duplicate-id', file, id, message: `id also used in ${owner}` });
    else owners.set(id, file);
  };
  for (const { file, feature } of input.features) claim(feature.properties.id, file);
  for (const s of input.sources) claim(s.id, 'sources.json');
  for (const e of input.events) claim(e.id, 'events.json');
  for (const a of input.agreements) claim(a.id, 'agreements.json');
  for (const p of input.provinces) claim(p.id, 'provinces.json');

  return findings.map((f) => ({ ...f, severity: PROVISIONAL_WARNINGS.has(f.check) ? 'warning' : 'error' }));
}
