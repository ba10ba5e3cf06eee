import type { StateCreator } from 'zustand';
import type { AppState, CaptureSlice } from '../types';

/**
 * Map pictures as a request/response through the store: a panel asks (requestMapImage), the map
 * adapter answers (deliverMapImage) with the same id. Panels never touch the map.
 */
export const createCaptureSlice: StateCreator<AppState, [], [], CaptureSlice> = (set, get) => ({
  mapImageRequest: null,
  mapImage: null,
  requestMapImage: () => {
    const id = (get().mapImageRequest?.id ?? 0) + 1;
    set({ mapImageRequest: { id } });
    return id;
  },
  deliverMapImage: (mapImage) => set({ mapImage }),
});
