/**
 * What changed between two days: features whose status changed (with the dated history entries
 * that changed it and their sources), features that appeared (their first record falls in the
 * range), and the events in between. Pure, on AtlasData.
 *
 * The range is (from, to]: a change dated `from` already holds on `from`, so it is not a change
 * "since from"; a change dated `to` is. A partial date counts from the start of its period, as
 * everywhere in the app.
 */
import { periodStart } from '../lib/dates';
import { sortedHistory, type AtlasData, type AtlasFeature } from './model';
import { stateOn, type FeatureState } from './planner-state';
import type { AtlasEvent, StatusChange } from './schema';

export interface StatusDifference {
  feature: AtlasFeature;
  from: FeatureState;
  to: FeatureState;
  /** The history entries dated in the range that set a status, oldest first. */
  entries: StatusChange[];
}

export interface Appearance {
  feature: AtlasFeature;
  /** The first dated record (a status entry, or the pairing date). */
  date: string;
  /** The first status entry, where the first record is one. */
  entry: StatusChange | null;
}

export interface DateComparison {
  from: string;
  to: string;
  changed: StatusDifference[];
  appeared: Appearance[];
  /** Events dated in the range, newest first. */
  events: AtlasEvent[];
}

const inRange = (date: string, from: string, to: string) => {
  const day = periodStart(date);
  return day > from && day <= to;
};

/** The first dated record of a feature (status entry or pairing date), or null when it has none. */
export function firstRecord(feature: AtlasFeature): { date: string; entry: StatusChange | null } | null {
  const history = sortedHistory(feature);
  if (history.length) return { date: history[0].date, entry: history[0] };
  const p = feature.properties;
  if ('pairedSince' in p && p.pairedSince) return { date: p.pairedSince, entry: null };
  return null;
}

/**
 * Compares the two days. A feature that appeared in the range is listed under `appeared`, not
 * under `changed` (its "from" would only say "no record"). A status that changed and changed back
 * within the range is not a difference.
 * @param from the earlier day (YYYY-MM-DD); the caller makes sure from < to.
 */
export function compareDates(data: AtlasData, from: string, to: string): DateComparison {
  const changed: StatusDifference[] = [];
  const appeared: Appearance[] = [];
  for (const feature of data.features) {
    const first = firstRecord(feature);
    if (first && inRange(first.date, from, to)) {
      appeared.push({ feature, date: first.date, entry: first.entry });
      continue;
    }
    const before = stateOn(feature, from);
    const after = stateOn(feature, to);
    if (!before || !after) continue;
    if (before.status === after.status && before.scope === after.scope) continue;
    const entries = sortedHistory(feature).filter((c) => c.status && inRange(c.date, from, to));
    changed.push({ feature, from: before, to: after, entries });
  }
  const byDate = (a: { date: string }, b: { date: string }) => periodStart(b.date).localeCompare(periodStart(a.date));
  changed.sort((a, b) => byDate(a.entries.at(-1) ?? { date: '' }, b.entries.at(-1) ?? { date: '' }));
  appeared.sort(byDate);
  const events = data.events.filter((e) => inRange(e.date, from, to));
  return { from, to, changed, appeared, events };
}
