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
  building ??= Promise.all([import('../data/search-index'), import('../data/activity')])
    .then(([{ buildSearchIndex }, { activityDocuments }]) => {
      const current = store.getState().data;
      // Events and agreements are indexed on their first search (a function, not documents).
      if (current && !store.getState().searchIndex)
        store.getState().setSearchIndex(buildSearchIndex(current.features, [...current.provinces.values()], () => activityDocuments(current)));
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
