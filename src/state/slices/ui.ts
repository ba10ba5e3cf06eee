import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from '../types';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  basemap: 'offline',
  listOpen: false,
  playing: false,
  loadStatus: { kind: 'loading' },
  mapStatus: { kind: 'starting' },
  dataProblems: [],
  linkProblems: [],
  mapNotices: [],
  data: null,
  searchIndex: null,
  setLanguage: (language) => set({ language }),
  setBasemap: (basemap) => set({ basemap }),
  setListOpen: (listOpen) => set({ listOpen }),
  setPlaying: (playing) => set({ playing }),
  setData: (data, searchIndex, dataProblems) => set({ data, searchIndex, dataProblems, loadStatus: { kind: 'ready' } }),
  setLoadFailed: (message) => set({ loadStatus: { kind: 'failed', message } }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
  addMapNotice: (message) => set((s) => (s.mapNotices.includes(message) ? s : { mapNotices: [...s.mapNotices, message] })),
  setLinkProblems: (linkProblems) => set({ linkProblems }),
  dismissProblems: () => set({ linkProblems: [], mapNotices: [] }),
});
