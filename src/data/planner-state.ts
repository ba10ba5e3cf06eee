/**
 * The one place the activity and comparison code asks "what state was this feature in on a day".
 * It uses the planner states of issue 8 (src/state/planner-state.ts) for one side's own history,
 * without their "no recent record" answer (a comparison asks what changed, not how fresh it is).
 */
import { periodStart } from '../lib/dates';
import { sortedHistory, type AtlasFeature } from './model';
import type { GateStatus, StatusScope } from './schema';
// The one status → state table (issue 8's planner states).
import { STATE_OF_STATUS } from '../state/planner-state';

/**
 * The comparison's states: the planner states without "no recent record", which describes how
 * old the evidence is on one day, not a change between two days.
 */
export type PlannerState = 'open' | 'closed' | 'not-yet-open' | 'no-record';

export interface FeatureState {
  state: PlannerState;
  /** The detailed status of the entry in force; null when there is none yet. */
  status: GateStatus | null;
  /** Date of that entry, as the source gives it. */
  since: string | null;
  /** Traffic the entry applies to, where the history gives it. */
  scope: StatusScope | null;
  sourceIds: string[];
}

/**
 * State of a feature with a status history on a day: the last entry on or before it that sets a
 * status. Null for features that have no status history at all (paired places, posts, most markets).
 */
export function stateOn(feature: AtlasFeature, day: string): FeatureState | null {
  const history = sortedHistory(feature).filter((c) => c.status);
  if (history.length === 0) return null;
  let current: FeatureState = { state: 'no-record', status: null, since: null, scope: null, sourceIds: [] };
  for (const change of history) {
    if (periodStart(change.date) > day) break;
    current = { state: STATE_OF_STATUS[change.status!], status: change.status!, since: change.date, scope: change.scope ?? null, sourceIds: change.sourceIds };
  }
  return current;
}
