/**
 * The answer to the filters as rows (issue 8): what the list shows, what the counts count and
 * what the map draws, from one function, so "the number beside a checkbox is the number of rows
 * the list shows after ticking it" holds by construction.
 *
 * A row is one feature, except that with side = both a crossing (a gate or opening pair: the
 * features of one kind sharing a pairId) is one row holding both sides, counted once. A crossing's
 * state comes from both sides' histories merged (the latest report of either side decides); one
 * side's state comes from its own history plus the entries its counterpart marks `pair: true`.
 *
 * Filter groups: kind, state, class, mode, province. State, class and mode apply to the kinds
 * that have them (gates and openings) and hide the other kinds while set. Facet counts count,
 * for each value, the rows that pass every other group and match that value, which is the number
 * of rows shown after ticking it when no other box of its group is ticked.
 */
import { allProvincesOf, classAsOf, displayName, layerOf, sortedHistory, type AtlasData, type AtlasFeature, type LayerId } from '../data/model';
import { periodStart } from '../lib/dates';
import { CrossingMode, FeatureKind, GateClass, type FeatureKind as FeatureKindType } from '../data/schema';
import { featureState, hasState, ownChanges, PLANNER_STATES, stateFromChanges, type PlannerState, type StateAnswer } from '../data/planner-state';
import type { FilterState, Side } from './types';

export const SIDES: readonly Side[] = ['both', 'VN', 'CN'];

export interface Row {
  /** Stable key: the first member's id. */
  key: string;
  kind: FeatureKindType;
  /** One feature, or both sides of a crossing (Vietnamese side first). */
  members: AtlasFeature[];
  /** The planner state on the day; null for kinds without one. */
  answer: StateAnswer | null;
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

const sideOrder = (f: AtlasFeature) => (f.properties.side === 'VN' ? 0 : 1);

/**
 * The rows on the day for a side choice, before any filter: features not yet on record by the day
 * are left out (as the map does); with side = both, each crossing's members on record form one row.
 */
export function buildRows(data: AtlasData, side: Side, day: string): Row[] {
  const rows: Row[] = [];
  const grouped = new Map<string, AtlasFeature[]>();
  for (const feature of data.features) {
    const p = feature.properties;
    if (!onRecordBy(feature, day)) continue;
    if (side !== 'both') {
      if (p.side !== side) continue;
      rows.push({ key: p.id, kind: p.kind, members: [feature], answer: featureState(data, feature, day) });
      continue;
    }
    if (hasState(p.kind) && p.pairId) {
      const key = `${p.kind}:${p.pairId}`;
      const members = grouped.get(key);
      if (members) {
        members.push(feature);
        continue;
      }
      const fresh = [feature];
      grouped.set(key, fresh);
      // Placeholder row filled in below, so rows keep data order.
      rows.push({ key: '', kind: p.kind, members: fresh, answer: null });
      continue;
    }
    rows.push({ key: p.id, kind: p.kind, members: [feature], answer: featureState(data, feature, day) });
  }
  for (const row of rows) {
    if (row.key) continue;
    row.members.sort((a, b) => sideOrder(a) - sideOrder(b));
    row.key = row.members[0].properties.id;
    // Pair entries may be repeated on both sides; the merge keeps each distinct entry once.
    const seen = new Set<string>();
    const merged = row.members.flatMap(ownChanges).filter((e) => {
      const id = `${e.change.date}|${e.change.status}|${e.change.pair ? 'pair' : e.featureId}|${e.change.sourceIds.join(',')}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    row.answer = stateFromChanges(merged, day);
  }
  return rows;
}

export type FilterGroup = 'kinds' | 'states' | 'classes' | 'modes' | 'provinces';
export const FILTER_GROUPS: readonly FilterGroup[] = ['kinds', 'states', 'classes', 'modes', 'provinces'];

type AnswerFilters = Pick<FilterState, FilterGroup>;

/** The values each group offers, in display order. */
export const GROUP_VALUES: { [G in Exclude<FilterGroup, 'provinces'>]: readonly string[] } = {
  kinds: FeatureKind.options,
  states: PLANNER_STATES,
  classes: GateClass.options,
  modes: CrossingMode.options,
};

/** Does the row match one value of one group (ignoring the other groups)? */
function matchesValue(row: Row, group: FilterGroup, value: string, day: string): boolean {
  switch (group) {
    case 'kinds':
      return row.kind === value;
    case 'states':
      return row.answer?.state === value;
    case 'classes':
      return hasState(row.kind) && row.members.some((f) => classAsOf(f, day) === value);
    case 'modes':
      return hasState(row.kind) && row.members.some((f) => 'modes' in f.properties && (f.properties.modes as string[]).includes(value));
    case 'provinces':
      return row.members.some((f) => allProvincesOf(f).includes(value));
  }
}

function passesGroup(row: Row, group: FilterGroup, filters: AnswerFilters, day: string): boolean {
  const selected = filters[group] as readonly string[];
  if (!selected.length) return true;
  return selected.some((value) => matchesValue(row, group, value, day));
}

/** True when a filter that only gates and openings have (state, class, mode) is set. */
export function stateFiltersActive(filters: AnswerFilters): boolean {
  return filters.states.length > 0 || filters.classes.length > 0 || filters.modes.length > 0;
}

function passesAll(row: Row, filters: AnswerFilters, day: string, skip?: FilterGroup): boolean {
  for (const group of FILTER_GROUPS) if (group !== skip && !passesGroup(row, group, filters, day)) return false;
  return true;
}

/** The rows the filters leave, in data order. */
export function filterRows(rows: readonly Row[], filters: AnswerFilters, day: string): Row[] {
  return rows.filter((row) => passesAll(row, filters, day));
}

/**
 * Facet counts: for each value of the group, the rows that pass every other group and match it.
 * With no other box of the group ticked, it is the number of rows shown after ticking the value.
 */
export function facetCounts(rows: readonly Row[], filters: AnswerFilters, day: string, group: FilterGroup, values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(values.map((v) => [v, 0]));
  for (const row of rows) {
    if (!passesAll(row, filters, day, group)) continue;
    for (const value of values) if (matchesValue(row, group, value, day)) counts[value]++;
  }
  return counts;
}

/**
 * Rows of kinds without a state (markets, paired places, posts) that a state, class or mode
 * filter hides: they pass every other filter. 0 when no such filter is set.
 */
export function hiddenByStateFilters(rows: readonly Row[], filters: AnswerFilters, day: string): number {
  if (!stateFiltersActive(filters)) return 0;
  const rest = { ...filters, states: [], classes: [], modes: [] };
  return rows.filter((row) => !hasState(row.kind) && passesAll(row, rest, day)).length;
}

/**
 * When the filters leave nothing: each set group whose clearing alone would bring rows back, with
 * how many. Empty when only clearing several groups together helps.
 */
export function emptiedBy(rows: readonly Row[], filters: AnswerFilters, day: string): { group: FilterGroup; rows: number }[] {
  const out: { group: FilterGroup; rows: number }[] = [];
  for (const group of FILTER_GROUPS) {
    if (!(filters[group] as readonly string[]).length) continue;
    const count = rows.filter((row) => passesAll(row, filters, day, group)).length;
    if (count > 0) out.push({ group, rows: count });
  }
  return out;
}

/** Feature ids the rows put on the map, keeping only visible layers. */
export function rowFeatureIds(rows: readonly Row[], layers?: Record<LayerId, boolean>): string[] {
  const ids: string[] = [];
  for (const row of rows) for (const f of row.members) if (!layers || layers[layerOf(f)]) ids.push(f.properties.id);
  return ids;
}

/** The state each drawn feature shows: its row's (a crossing's members share one colour). */
export function stateByFeature(rows: readonly Row[]): Map<string, StateAnswer> {
  const out = new Map<string, StateAnswer>();
  for (const row of rows) if (row.answer) for (const f of row.members) out.set(f.properties.id, row.answer);
  return out;
}

/** A row's name as the list shows it: "Hữu Nghị ↔ 友谊关" for a crossing. */
export function rowName(row: Row, language: 'en' | 'vi' | 'zh'): string {
  return row.members.map((f) => displayName(f.properties.names, language)).join(' ↔ ');
}

/** Which side(s) a row stands for, for the list's type column. */
export function rowSides(row: Row): ('VN' | 'CN')[] {
  return [...new Set(row.members.map((f) => f.properties.side))];
}

/** Everything the panels need for one day and one filter state, computed once. */
export interface Answer {
  rows: Row[];
  all: Row[];
}

export function answerFor(data: AtlasData, filters: Pick<FilterState, FilterGroup | 'side'>, day: string): Answer {
  const all = buildRows(data, filters.side, day);
  return { all, rows: filterRows(all, filters, day) };
}

export type { PlannerState };
