import type { StateCreator } from 'zustand';
import { DEFAULT_URL_STATE } from '../persistence';
import type { AppState, UiSlice } from '../types';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: DEFAULT_URL_STATE.language,
  baseLayer: DEFAULT_URL_STATE.baseLayer,
  listOpen: DEFAULT_URL_STATE.listOpen,
  playing: false,
  loadStatus: { kind: 'loading' },
  mapStatus: { kind: 'starting' },
  dataProblems: [],
  linkProblems: [],
  mapNotices: [],
  geometry: null,
  data: null,
  searchIndex: null,
  setLanguage: (language) => set({ language }),
  setBaseLayer: (baseLayer) => set({ baseLayer }),
  setListOpen: (listOpen) => set({ listOpen }),
  setPlaying: (playing) => set({ playing }),
  setGeometry: (geometry, dataProblems) => set({ geometry, dataProblems }),
  setData: (data, searchIndex, dataProblems) => set({ data, searchIndex, dataProblems, loadStatus: { kind: 'ready' } }),
  setSearchIndex: (searchIndex) => set({ searchIndex }),
  setLoadFailed: (message) => set({ loadStatus: { kind: 'failed', message } }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
  addMapNotice: (message) => set((s) => (s.mapNotices.includes(message) ? s : { mapNotices: [...s.mapNotices, message] })),
  setLinkProblems: (linkProblems) => set({ linkProblems }),
  dismissProblems: () => set({ linkProblems: [], mapNotices: [] }),
});
