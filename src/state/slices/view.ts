import type { StateCreator } from 'zustand';
import type { AppState, ViewSlice } from '../types';

let nextCameraRequestId = 1;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: null,
  cameraRequest: null,
  mapPadding: { top: 0, right: 0, bottom: 0, left: 0 },
  setView: (view) => set({ view }),
  setMapPadding: (mapPadding) =>
    set((s) => {
      const p = s.mapPadding;
      // Observers fire often with the same sizes; only a change is a new value.
      return p.top === mapPadding.top && p.right === mapPadding.right && p.bottom === mapPadding.bottom && p.left === mapPadding.left ? s : { mapPadding };
    }),
  requestCamera: (request) => set({ cameraRequest: { ...request, id: nextCameraRequestId++ } }),
});
