/**
 * Counts for `npm run data:report` (issue 9): how the dated facts were checked, which points
 * share a coordinate, how far apart paired sides are drawn, and how complete the source list is.
 * Pure functions over parsed data, so the numbers the report prints are unit-tested.
 */
import type { Feature, Point } from 'geojson';
import type { AtlasProperties, FactCheck, Source } from '../../src/data/schema';
import { distanceKm } from '../../src/lib/distance';

export type CheckResult = FactCheck['result'] | 'unchecked';
export const CHECK_RESULTS: readonly CheckResult[] = ['confirmed', 'source-unavailable', 'inferred', 'unchecked'];

export type CheckCounts = Record<CheckResult, number>;

export function emptyCounts(): CheckCounts {
  return { confirmed: 0, 'source-unavailable': 0, inferred: 0, unchecked: 0 };
}

/** Tallies facts by how they were checked; a fact with no `check` is unchecked. */
export function countChecks(facts: readonly { check?: FactCheck }[]): CheckCounts {
  const counts = emptyCounts();
  for (const f of facts) counts[f.check?.result ?? 'unchecked'] += 1;
  return counts;
}

export function addCounts(a: CheckCounts, b: CheckCounts): CheckCounts {
  const out = emptyCounts();
  for (const k of CHECK_RESULTS) out[k] = a[k] + b[k];
  return out;
}

export function total(c: CheckCounts): number {
  return CHECK_RESULTS.reduce((sum, k) => sum + c[k], 0);
}

/** Percentage with one decimal, "0.0" for an empty set. */
export function percent(part: number, whole: number): string {
  return whole ? ((100 * part) / whole).toFixed(1) : '0.0';
}

/** Ids of the points that sit on exactly the same coordinate as at least one other point. */
export function sharedCoordinates(features: readonly Feature<Point, AtlasProperties>[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const f of features) {
    const key = f.geometry.coordinates.join(',');
    groups.set(key, [...(groups.get(key) ?? []), f.properties.id]);
  }
  return [...groups.values()].filter((ids) => ids.length > 1);
}

export interface PairDistance {
  pairId: string;
  kind: AtlasProperties['kind'];
  vn: string;
  cn: string;
  km: number;
  reason?: string;
}

/** Every Vietnamese–Chinese pairing of sides that share a pairId, with the distance between them. */
export function pairDistances(features: readonly Feature<Point, AtlasProperties>[]): PairDistance[] {
  const out: PairDistance[] = [];
  for (const a of features) {
    for (const b of features) {
      const p = a.properties;
      if (!p.pairId || p.pairId !== b.properties.pairId || p.side !== 'VN' || b.properties.side !== 'CN') continue;
      const reason = p.location.pairDistanceReason ?? b.properties.location.pairDistanceReason;
      out.push({ pairId: p.pairId, kind: p.kind, vn: p.id, cn: b.properties.id, km: distanceKm(a.geometry.coordinates, b.geometry.coordinates), ...(reason ? { reason } : {}) });
    }
  }
  return out;
}

/**
 * A title that describes the page instead of giving its headline: "X report on Y (date)",
 * "article", "section index", a Wikipedia mirror named in the title. The publisher, date and
 * mirror belong in their own fields and the note.
 */
const DESCRIPTION_LIKE =
  /\b(report on|article|item on|travelogue|photo story|print view|section index|index page|page of|list page|guide page|tag page|post\d+|mirror|wikipedia|record \d+)\b|\((?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\)/i;

export function hasDescriptionLikeTitle(source: Pick<Source, 'title'>): boolean {
  return DESCRIPTION_LIKE.test(source.title);
}
