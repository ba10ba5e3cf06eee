/**
 * Pure derived data: which features pass the filters on the chosen day, live counts per status,
 * summaries. Used by the map adapter (to build filter expressions) and by the panels.
 */
import { provincesOf, type AtlasData } from '../data/model';
import type { LayerId } from '../data/kinds';
import { answerFor, facetCounts, rowFeatureIds } from './answers';
import { PLANNER_STATES, type PlannerState } from '../data/planner-state';
import { comparePartialDates, periodStart, todayIso, yearOf } from '../lib/dates';
import type { FilterState } from './types';

/** The day the app shows: the chosen date, or today. */
export function effectiveDay(filters: FilterState, now: Date = new Date()): string {
  return filters.date ?? todayIso(now);
}

export { onRecordBy } from './answers';

/**
 * Ids of the features the filters leave on the day, in data order, keeping only the layers the
 * map draws (the list ignores layers: see answers.ts).
 */
export function visibleFeatureIds(data: AtlasData, filters: FilterState, layers: Record<LayerId, boolean>, day: string): string[] {
  return rowFeatureIds(answerFor(data, filters, day).rows, layers);
}

/**
 * Rows per planner state on the day under every other filter (a crossing counted once when the
 * side is both): the numbers the state checkboxes show.
 */
export function stateCounts(data: AtlasData, filters: FilterState, day: string): Record<PlannerState, number> {
  const { all } = answerFor(data, filters, day);
  return facetCounts(all, filters, day, 'states', PLANNER_STATES) as Record<PlannerState, number>;
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
