import type { StateCreator } from 'zustand';
import { LAYER_IDS, type LayerId } from '../../data/kinds';
import type { AppState, LayersSlice } from '../types';

export const DEFAULT_LAYERS: Record<LayerId, boolean> = Object.freeze(
  Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>,
);

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: DEFAULT_LAYERS,
  setLayerVisible: (layer, visible) => set((s) => ({ layers: { ...s.layers, [layer]: visible } })),
});
