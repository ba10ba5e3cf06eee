/**
 * The one zustand store, composed from slices. `createAppStore` makes a fresh store (tests use
 * it); the app uses the `appStore` singleton through `useAppStore(selector)`.
 */
import { createStore, useStore } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createActivitySlice } from './slices/activity';
import { createCaptureSlice } from './slices/capture';
import { createFiltersSlice } from './slices/filters';
import { createLayersSlice } from './slices/layers';
import { createSelectionSlice } from './slices/selection';
import { createUiSlice } from './slices/ui';
import { createViewSlice } from './slices/view';
import type { AppState } from './types';

export function createAppStore() {
  return createStore<AppState>()(
    subscribeWithSelector((...args) => ({
      ...createViewSlice(...args),
      ...createFiltersSlice(...args),
      ...createSelectionSlice(...args),
      ...createLayersSlice(...args),
      ...createUiSlice(...args),
      ...createActivitySlice(...args),
      ...createCaptureSlice(...args),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();

/** Reads the app store with an atomic selector (use useShallow for derived arrays). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
