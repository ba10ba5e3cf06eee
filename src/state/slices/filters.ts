import type { StateCreator } from 'zustand';
import type { AppState, FilterState, FiltersSlice } from '../types';

export const DEFAULT_FILTERS: FilterState = Object.freeze({
  kinds: [],
  states: [],
  side: 'both',
  classes: [],
  modes: [],
  provinces: [],
  date: null,
  query: '',
}) as FilterState;

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set) => ({
  filters: DEFAULT_FILTERS,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  toggleInFilter: (key, value) =>
    set((s) => {
      const list = s.filters[key] as string[];
      const next = list.includes(value as string) ? list.filter((v) => v !== value) : [...list, value as string];
      return { filters: { ...s.filters, [key]: next } };
    }),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
});
