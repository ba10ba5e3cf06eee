/**
 * The search index is built off the critical path: in idle time after the data loads, or at
 * once when the search box is first focused (or a link carries a search). minisearch and the
 * index code load with it, as their own chunk.
 */
import type { AppStore } from '../state/store';

let building: Promise<void> | null = null;

export function ensureSearchIndex(store: AppStore): Promise<void> {
  const { data, searchIndex } = store.getState();
  if (searchIndex || !data) return Promise.resolve();
  building ??= import('../data/search-index')
    .then(({ buildSearchIndex }) => {
      const current = store.getState().data;
      if (current && !store.getState().searchIndex) store.getState().setSearchIndex(buildSearchIndex(current.features, [...current.provinces.values()]));
    })
    .finally(() => {
      building = null;
    });
  return building;
}

/** Builds the index when the browser is idle (or after a short delay where requestIdleCallback is missing). */
export function buildSearchIndexWhenIdle(store: AppStore) {
  const run = () => void ensureSearchIndex(store);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 200);
}
