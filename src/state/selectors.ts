/**
 * Pure derived data: which features pass the filters on the chosen day, live counts per status,
 * summaries. Used by the map adapter (to build filter expressions) and by the panels.
 */
import {
  allProvincesOf,
  classAsOf,
  layerOf,
  provincesOf,
  sortedHistory,
  statusAsOf,
  type AtlasData,
  type AtlasFeature,
  type LayerId,
} from '../data/model';
import { KIND } from '../data/kinds';
import { GateStatus, type GateStatus as GateStatusType } from '../data/schema';
import { comparePartialDates, periodStart, todayIso, yearOf } from '../lib/dates';
import type { FilterState } from './types';

/** The day the app shows: the chosen date, or today. */
export function effectiveDay(filters: FilterState, now: Date = new Date()): string {
  return filters.date ?? todayIso(now);
}

function hasStatus(feature: AtlasFeature): boolean {
  return KIND[feature.properties.kind].hasStatus;
}

/**
 * True when the feature is on record by the day: its first dated record (status change or
 * pairing date) is not later. Features with no dated record are always on record.
 */
export function onRecordBy(feature: AtlasFeature, day: string): boolean {
  const p = feature.properties;
  const history = sortedHistory(feature);
  if (history.length) return periodStart(history[0].date) <= day;
  if ('pairedSince' in p && p.pairedSince) return periodStart(p.pairedSince) <= day;
  return true;
}

/** Does a feature pass every filter except the ones named in `skip`? */
export function passesFilters(
  feature: AtlasFeature,
  filters: FilterState,
  layers: Record<LayerId, boolean>,
  day: string,
  skip: ReadonlySet<'statuses' | 'classes' | 'modes' | 'provinces'> = new Set(),
): boolean {
  if (!layers[layerOf(feature)]) return false;
  if (!onRecordBy(feature, day)) return false;
  if (!skip.has('provinces') && filters.provinces.length) {
    if (!allProvincesOf(feature).some((id) => filters.provinces.includes(id))) return false;
  }
  const gateFilters = filters.statuses.length || filters.classes.length || filters.modes.length;
  if (!gateFilters) return true;
  // Status, class and mode filters narrow gates and openings; the other layers have none of them.
  if (!hasStatus(feature)) return true;
  const p = feature.properties;
  if (!skip.has('statuses') && filters.statuses.length) {
    const status = statusAsOf(feature, day);
    if (!status || !filters.statuses.includes(status)) return false;
  }
  if (!skip.has('classes') && filters.classes.length) {
    const klass = classAsOf(feature, day);
    if (!klass || !filters.classes.includes(klass)) return false;
  }
  if (!skip.has('modes') && filters.modes.length && 'modes' in p) {
    if (!p.modes.some((m) => filters.modes.includes(m))) return false;
  }
  return true;
}

/** Ids of the features that pass the filters, in data order. */
export function visibleFeatureIds(data: AtlasData, filters: FilterState, layers: Record<LayerId, boolean>, day: string): string[] {
  return data.features.filter((f) => passesFilters(f, filters, layers, day)).map((f) => f.properties.id);
}

/**
 * Live count of gates and openings per status on the day, under every other filter. `unknown`
 * counts those on record whose history gives no status yet on that day, so the counts add up
 * to what the map shows.
 */
export function statusCounts(
  data: AtlasData,
  filters: FilterState,
  layers: Record<LayerId, boolean>,
  day: string,
): Record<GateStatusType | 'unknown', number> {
  const counts = Object.fromEntries([...GateStatus.options, 'unknown'].map((s) => [s, 0])) as Record<GateStatusType | 'unknown', number>;
  const skip = new Set(['statuses'] as const);
  for (const feature of data.features) {
    if (!hasStatus(feature) || !passesFilters(feature, filters, layers, day, skip)) continue;
    counts[statusAsOf(feature, day) ?? 'unknown']++;
  }
  return counts;
}

/**
 * Count of visible features per province id on the day: each feature counts once, under the
 * province it belonged to then (Hà Giang until 2025-06-30, Tuyên Quang from 2025-07-01).
 */
export function provinceCounts(data: AtlasData, ids: string[], day: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const f = data.byId.get(id);
    if (!f) continue;
    for (const p of provincesOf(f, day)) counts[p] = (counts[p] ?? 0) + 1;
  }
  return counts;
}

/** Events per year up to the day, for the events of the given features and provinces. */
export function eventsPerYear(data: AtlasData, day: string, featureIds: ReadonlySet<string> | null): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const event of data.events) {
    if (periodStart(event.date) > day) continue;
    if (featureIds && !event.featureIds.some((id) => featureIds.has(id)) && event.featureIds.length) continue;
    counts.set(yearOf(event.date), (counts.get(yearOf(event.date)) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/** Events on or before the day, newest first (data.events is already sorted newest first). */
export function eventsUpTo<T extends { date: string }>(events: T[], day: string): T[] {
  return events.filter((e) => periodStart(e.date) <= day).sort((a, b) => comparePartialDates(b.date, a.date));
}

/** The first year the events chart draws on its own; earlier events share one "before" bar. */
export const CHART_FIRST_YEAR = 1999;

/**
 * Events per year on a linear axis from CHART_FIRST_YEAR to `lastYear`, empty years included,
 * so gaps read as gaps; everything earlier (the 1792 opening of Shuikou…) goes in `before`.
 */
export function yearAxis(years: { year: number; count: number }[], lastYear: number): { before: number; bins: { year: number; count: number }[] } {
  const byYear = new Map(years.map((y) => [y.year, y.count]));
  const before = years.filter((y) => y.year < CHART_FIRST_YEAR).reduce((sum, y) => sum + y.count, 0);
  const end = Math.max(lastYear, CHART_FIRST_YEAR);
  const bins = [];
  for (let year = CHART_FIRST_YEAR; year <= end; year++) bins.push({ year, count: byYear.get(year) ?? 0 });
  return { before, bins };
}

let lastVisibility: { from: FilterState; blanked: FilterState } | null = null;

/**
 * The filters that decide what is visible, with the search text blanked: typing in the search box
 * changes no row and no point, so the map and the list must not redo their work per keystroke.
 * While only the query changes, the same object comes back, so subscribers keyed on identity skip.
 */
export function visibilityFilters(filters: FilterState): FilterState {
  const last = lastVisibility;
  if (last && (last.from === filters || (Object.keys(filters) as (keyof FilterState)[]).every((k) => k === 'query' || filters[k] === last.from[k]))) {
    last.from = filters;
    return last.blanked;
  }
  lastVisibility = { from: filters, blanked: filters.query === '' ? filters : { ...filters, query: '' } };
  return lastVisibility.blanked;
}
