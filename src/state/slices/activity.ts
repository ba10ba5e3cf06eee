import type { StateCreator } from 'zustand';
import { EMPTY_ACTIVITY_FILTER, type ActivityFilter } from '../../data/activity';
import type { AppState } from '../types';

/** The border-wide activity view: whether it is open and its filters (all in the URL). */
export interface ActivityView {
  open: boolean;
  filter: ActivityFilter;
}

export const DEFAULT_ACTIVITY: ActivityView = Object.freeze({ open: false, filter: EMPTY_ACTIVITY_FILTER }) as ActivityView;

export interface ActivitySlice {
  activity: ActivityView;
  /**
   * The earlier day of a comparison (YYYY-MM-DD); the later one is the as-of day. Null: no
   * comparison. The URL codec drops a `from` that is not before the as-of day.
   */
  compareFrom: string | null;
  /** Opens the activity view; a patch replaces those filters (a chart bar sets the year's range). */
  openActivity: (patch?: Partial<ActivityFilter>) => void;
  closeActivity: () => void;
  setActivityFilter: (patch: Partial<ActivityFilter>) => void;
  setCompareFrom: (day: string | null) => void;
}

export const createActivitySlice: StateCreator<AppState, [], [], ActivitySlice> = (set) => ({
  activity: DEFAULT_ACTIVITY,
  compareFrom: null,
  openActivity: (patch) => set((s) => ({ activity: { open: true, filter: { ...s.activity.filter, ...patch } } })),
  closeActivity: () => set((s) => ({ activity: { ...s.activity, open: false } })),
  setActivityFilter: (patch) => set((s) => ({ activity: { ...s.activity, filter: { ...s.activity.filter, ...patch } } })),
  setCompareFrom: (compareFrom) => set({ compareFrom }),
});
