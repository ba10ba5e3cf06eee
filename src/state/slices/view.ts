import type { StateCreator } from 'zustand';
import type { AppState, ViewSlice } from '../types';

let nextCameraRequestId = 1;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: null,
  cameraRequest: null,
  setView: (view) => set({ view }),
  requestCamera: (request) => set({ cameraRequest: { ...request, id: nextCameraRequestId++ } as AppState['cameraRequest'] }),
});
