/**
 * The one place the activity and comparison code asks "what state was this feature in on a day".
 * It follows the planner-state contract of issue 8 (open / closed / not-yet-open / no-record);
 * the "answers" work implements the full contract (with no-recent-record), and this function is
 * meant to be swapped for theirs once it lands, without touching its callers.
 */
import { periodStart } from '../lib/dates';
import { sortedHistory, type AtlasFeature } from './model';
import type { GateStatus, StatusScope } from './schema';

export type PlannerState = 'open' | 'closed' | 'not-yet-open' | 'no-record';

const STATE_OF_STATUS: Record<GateStatus, PlannerState> = {
  operating: 'open',
  restored: 'open',
  upgrading: 'open',
  suspended: 'closed',
  'not-resumed': 'closed',
  closed: 'closed',
  planned: 'not-yet-open',
  'under-construction': 'not-yet-open',
};

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
