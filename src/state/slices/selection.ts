import type { StateCreator } from 'zustand';
import { provinceFrame } from '../frames';
import { DEFAULT_URL_STATE } from '../persistence';
import type { AppState, SelectionSlice } from '../types';

/** Zoom a "go to feature" move lands at: close enough to see the gate and its counterpart. */
export const FEATURE_ZOOM = 12;
/** Zoom a "go to province" move lands at. */
export const PROVINCE_ZOOM = 7.5;

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: DEFAULT_URL_STATE.selection,
  hover: null,
  selectFeature: (id, options) => {
    if (id === null) {
      set({ selection: { kind: 'none' } });
      return;
    }
    const feature = get().data?.byId.get(id);
    // Unknown ids are refused here; links to missing features are reported by url/sync.ts.
    if (!feature) return;
    set({ selection: { kind: 'feature', featureKind: feature.properties.kind, id } });
    if (options?.fly && feature) {
      const [lng, lat] = feature.geometry.coordinates;
      const zoom = Math.max(get().view?.zoom ?? 0, FEATURE_ZOOM);
      get().requestCamera({ kind: 'feature', center: [lng, lat], zoom });
    }
  },
  selectProvince: (id, options) => {
    const province = get().data?.provinces.get(id);
    if (!province) return;
    set({ selection: { kind: 'province', id } });
    if (!options?.fly) return;
    // Its stretch of the border, never its capital (Yunnan's label sits near Kunming).
    const bounds = provinceFrame(get().data!, [id]);
    if (bounds) get().requestCamera({ kind: 'bounds', bounds });
    else if (province.label) get().requestCamera({ kind: 'feature', center: [province.label.lng, province.label.lat], zoom: PROVINCE_ZOOM });
  },
  setHover: (hover) => set({ hover }),
});
