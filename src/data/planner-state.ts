/**
 * The one place that answers "what state was this crossing in on a day".
 *
 * Planner-facing states (issue 8): the eight detailed statuses of a gate or opening grouped into
 * the few a planner asks about on a day. Pure: the panels, the list, the counts and the map all
 * read the state from here, so they cannot disagree.
 *
 * - open: operating, restored or upgrading (a gate being upgraded still works);
 * - closed: suspended, not resumed or closed;
 * - not-yet-open: planned or under construction;
 * - no-record: no status entry on or before the day;
 * - no-recent-record: the latest status entry on or before the day is from a year before
 *   (day's year − 2), e.g. nothing since 2023 when the day is in 2026; the detailed status is kept
 *   and the panel says "last reported YYYY".
 *
 * The activity comparison (src/data/compare.ts) asks the same question of one side's own history
 * without the "no recent record" answer: a comparison asks what changed, not how fresh it is.
 */
import type { GateStatus, StatusChange, StatusScope } from './schema';
import { sortedHistory, type AtlasData, type AtlasFeature } from './model';
import { KINDS } from './kinds';
import type { FeatureKind } from './schema';
import { comparePartialDates, periodStart, yearOf, type IsoDay } from '../lib/dates';

export const PLANNER_STATES = ['open', 'closed', 'not-yet-open', 'no-recent-record', 'no-record'] as const;
export type PlannerState = (typeof PLANNER_STATES)[number];

/** The state a detailed status belongs to. */
export const STATE_OF_STATUS: Record<GateStatus, 'open' | 'closed' | 'not-yet-open'> = {
  operating: 'open',
  restored: 'open',
  upgrading: 'open',
  suspended: 'closed',
  'not-resumed': 'closed',
  closed: 'closed',
  planned: 'not-yet-open',
  'under-construction': 'not-yet-open',
};

/** How many calendar years a latest entry may lag behind the day before it stops counting as recent. */
export const RECENT_YEARS = 2;

/** A status entry and the feature whose history holds it (a crossing merges both sides). */
export interface OwnedChange {
  change: StatusChange;
  featureId: string;
}

export interface StateAnswer {
  state: PlannerState;
  /** The detailed status of the entry the state comes from; null for no-record. */
  status: GateStatus | null;
  /**
   * Since when the detailed status holds: the first of the run of entries with this status that
   * ends in the deciding entry (a later "reported working" does not move it; "operating" after a
   * restoration runs from the restoration); null for no-record.
   */
  since: string | null;
  /** The deciding (latest) entry's date, as the source gives it: the last report; null for no-record. */
  reported: string | null;
  sourceIds: string[];
  /** What the entry says the status applies to; null when it does not say (read as all traffic). */
  scope: StatusScope | null;
  /** True when the entry is about the crossing pair as a whole. */
  pair: boolean;
  /** The feature whose history holds the entry (one side of a crossing); null for no-record. */
  featureId: string | null;
  /** The entry itself, for its note and its check. */
  change: StatusChange | null;
}

const NO_RECORD: StateAnswer = Object.freeze({
  state: 'no-record',
  status: null,
  since: null,
  reported: null,
  sourceIds: [],
  scope: null,
  pair: false,
  featureId: null,
  change: null,
}) as StateAnswer;

/** Closed before not yet open before open: on a tie the more cautious answer wins. */
const CAUTION: Record<'open' | 'closed' | 'not-yet-open', number> = { closed: 0, 'not-yet-open': 1, open: 2 };

/**
 * The state on `day` from status entries (one side's history, or both sides' merged): the latest
 * entry that sets a status and starts on or before the day decides. Entries on the same date
 * (two sides reporting one day) are resolved towards caution: closed, then not yet open, then open.
 * @example stateFromChanges([{ change: { date: '2020-03', status: 'suspended', … }, featureId: 'a' }], '2021-06-01').state === 'closed'
 */
export function stateFromChanges(entries: readonly OwnedChange[], day: IsoDay): StateAnswer {
  let best: OwnedChange | null = null;
  for (const entry of entries) {
    const { change } = entry;
    if (!change.status || periodStart(change.date) > day) continue;
    if (!best) {
      best = entry;
      continue;
    }
    const order = comparePartialDates(change.date, best.change.date);
    const cautious = order === 0 && CAUTION[STATE_OF_STATUS[change.status]] < CAUTION[STATE_OF_STATUS[best.change.status!]];
    if (order > 0 || cautious) best = entry;
  }
  if (!best) return NO_RECORD;
  const { change, featureId } = best;
  const status = change.status!;
  const stale = yearOf(change.date) < yearOf(day) - RECENT_YEARS;
  return {
    state: stale ? 'no-recent-record' : STATE_OF_STATUS[status],
    status,
    since: runStart(entries, best, day),
    reported: change.date,
    sourceIds: change.sourceIds,
    scope: change.scope ?? null,
    pair: change.pair === true,
    featureId,
    change,
  };
}

/**
 * Whether an earlier entry with status `earlier` belongs to the run of a later `later` one. A
 * restoration is where operation begins again, so a gate restored in 2023 and reported
 * "operating" in 2024 has been operating since 2023 (not since the 2024 report).
 */
function sameRun(earlier: GateStatus | undefined, later: GateStatus): boolean {
  return earlier === later || (later === 'operating' && earlier === 'restored');
}

/**
 * The date the deciding entry's status began: walk back from it through earlier entries while
 * they report the same status (or the restoration that began operation) for the same traffic
 * (a goods-only reopening followed by a full one starts a new run). Another status or scope ends
 * the run.
 */
function runStart(entries: readonly OwnedChange[], best: OwnedChange, day: IsoDay): string {
  let runStatus = best.change.status!;
  // An entry that does not say its scope is read as all traffic, as everywhere else.
  const scope = best.change.scope ?? 'all';
  const earlier = entries
    .filter((e) => e !== best && e.change.status && periodStart(e.change.date) <= day && comparePartialDates(e.change.date, best.change.date) <= 0)
    .sort((a, b) => comparePartialDates(b.change.date, a.change.date));
  let since = best.change.date;
  for (const e of earlier) {
    if (!sameRun(e.change.status, runStatus) || (e.change.scope ?? 'all') !== scope) break;
    since = e.change.date;
    // Past a restoration only earlier reports of that restoration continue the run.
    runStatus = e.change.status!;
  }
  return since;
}

/** The year a "no recent record" answer was last reported, for "last reported YYYY". */
export function lastReportedYear(answer: StateAnswer): number | null {
  return answer.reported ? yearOf(answer.reported) : null;
}

/** Entries in date order (oldest first), for panels that list a merged history. */
export function sortChanges(entries: readonly OwnedChange[]): OwnedChange[] {
  return [...entries].sort((a, b) => comparePartialDates(a.change.date, b.change.date));
}

/**
 * Whether a fact (a status entry, an event, an agreement) was confirmed against its source; facts
 * with no check count as unchecked.
 */
export type CheckMark = { checked: true } | { checked: false; reason: 'source-unavailable' | 'inferred' | 'unchecked'; note: string | null };

export function checkMark(fact: Pick<StatusChange, 'check'>): CheckMark {
  const check = fact.check;
  if (!check) return { checked: false, reason: 'unchecked', note: null };
  if (check.result === 'confirmed') return { checked: true };
  return { checked: false, reason: check.result, note: check.note ?? null };
}

/**
 * The comparison's states: the planner states without "no recent record", which describes how
 * old the evidence is on one day, not a change between two days.
 */
export type ComparisonState = 'open' | 'closed' | 'not-yet-open' | 'no-record';

export interface FeatureState {
  state: ComparisonState;
  /** The detailed status of the entry in force; null when there is none yet. */
  status: GateStatus | null;
  /** Date of that entry, as the source gives it. */
  since: string | null;
  /** Traffic the entry applies to, where the history gives it. */
  scope: StatusScope | null;
  sourceIds: string[];
}

/**
 * State of a feature with a status history on a day, from its own entries (the same rule as the
 * planner states, `stateFromChanges`), read without the "no recent record" answer. Null for
 * features that have no status history at all (paired places, posts, most markets).
 */
export function stateOn(feature: AtlasFeature, day: IsoDay): FeatureState | null {
  const own = sortedHistory(feature).filter((c) => c.status);
  if (own.length === 0) return null;
  const answer = stateFromChanges(own.map((change) => ({ change, featureId: feature.properties.id })), day);
  if (!answer.status) return { state: 'no-record', status: null, since: null, scope: null, sourceIds: [] };
  return { state: STATE_OF_STATUS[answer.status], status: answer.status, since: answer.since, scope: answer.scope, sourceIds: answer.sourceIds };
}

/** Kinds that have a status history the planner states are defined for (gates and openings). */
export const STATE_KINDS: readonly FeatureKind[] = KINDS.filter((k) => k.hasStatus).map((k) => k.kind);

export function hasState(kind: FeatureKind): boolean {
  return STATE_KINDS.includes(kind);
}

/** A feature's own status entries, owned by it. */
export function ownChanges(feature: AtlasFeature): OwnedChange[] {
  const p = feature.properties;
  const history = 'statusHistory' in p && p.statusHistory ? p.statusHistory : [];
  return history.map((change) => ({ change, featureId: p.id }));
}

/** The other features of a crossing: same kind, same pairId, other side. */
function crossingPartners(data: AtlasData, feature: AtlasFeature): AtlasFeature[] {
  const p = feature.properties;
  if (!p.pairId) return [];
  return data.features.filter((f) => f !== feature && f.properties.kind === p.kind && f.properties.pairId === p.pairId && f.properties.side !== p.side);
}

/**
 * One side's entries: its own, plus its counterpart's entries about the pair as a whole. A pair
 * entry both sides carry (the same date and status) is listed once, as the side's own.
 */
export function sideChanges(data: AtlasData, feature: AtlasFeature): OwnedChange[] {
  const key = ({ change }: OwnedChange) => `${change.date}|${change.status ?? ''}|${change.class ?? ''}`;
  const own = ownChanges(feature);
  const ownKeys = new Set(own.map(key));
  const partnerPairEntries = crossingPartners(data, feature)
    .flatMap((f) => ownChanges(f).filter((e) => e.change.pair === true))
    .filter((e) => !ownKeys.has(key(e)));
  return [...own, ...partnerPairEntries];
}

/** The state of one side on the day (its own history plus pair entries of its counterpart). */
export function featureState(data: AtlasData, feature: AtlasFeature, day: string): StateAnswer | null {
  return hasState(feature.properties.kind) ? stateFromChanges(sideChanges(data, feature), day) : null;
}

/**
 * The state of any feature with a status history on the day: a gate's or opening's side as
 * `featureState` answers it; a market from its own entries; null for features without a history.
 * The exports and the briefing read this, so they say what the panel says.
 */
export function statusAnswer(data: AtlasData, feature: AtlasFeature, day: string): StateAnswer | null {
  if (hasState(feature.properties.kind)) return featureState(data, feature, day);
  const own = ownChanges(feature);
  return own.some((e) => e.change.status) ? stateFromChanges(own, day) : null;
}
