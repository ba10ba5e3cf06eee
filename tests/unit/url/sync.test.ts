import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex } from '../../../src/data/search-index';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { applyUrl, checkLinkAgainstData, startUrlSync, type HistoryLike } from '../../../src/url/sync';
import { makeData, makeFeature } from '../../fixtures/factories';

/** An in-memory browser history: a stack of entries, a cursor, and popstate listeners. */
function createFakeHistory(pathname = '/atlas/', initialSearch = '') {
  const entries: string[] = [initialSearch];
  let index = 0;
  const listeners = new Set<() => void>();
  const calls = { push: 0, replace: 0 };
  const searchOf = (url: string) => new URL(url, 'http://atlas.test').search;
  const history: HistoryLike & { back(): void; forward(): void } = {
    get location() {
      return { search: entries[index], pathname, hash: '' };
    },
    pushState(_data, _unused, url) {
      calls.push++;
      entries.splice(index + 1);
      entries.push(searchOf(url));
      index++;
    },
    replaceState(_data, _unused, url) {
      calls.replace++;
      entries[index] = searchOf(url);
    },
    addEventListener(_type, listener) {
      listeners.add(listener);
    },
    removeEventListener(_type, listener) {
      listeners.delete(listener);
    },
    back() {
      index--;
      for (const listener of listeners) listener();
    },
    forward() {
      index++;
      for (const listener of listeners) listener();
    },
  };
  return { history, entries, calls, get index() { return index; } };
}

function fixtureData() {
  return makeData([
    makeFeature({ id: 'alpha-vn', pairId: 'alpha', side: 'VN' }),
    makeFeature({ id: 'alpha-cn', pairId: 'alpha', side: 'CN' }),
    makeFeature({ id: 'beta-market-vn', kind: 'market' }),
  ]);
}

function storeWithData(): AppStore {
  const store = createAppStore();
  const data = fixtureData();
  store.getState().setData(data, buildSearchIndex(data.features), []);
  return store;
}

describe('startUrlSync', () => {
  let store: AppStore;
  let fake: ReturnType<typeof createFakeHistory>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    store = storeWithData();
    fake = createFakeHistory();
    stop = startUrlSync(store, fake.history);
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('pushes one history entry when a feature is selected', () => {
    store.getState().selectFeature('alpha-vn');
    expect(fake.calls.push).toBe(1);
    expect(fake.entries).toEqual(['', '?v=1&sel=gate:alpha-vn']);
  });

  it('replaces the current entry for a filter change, once, after the throttle', () => {
    store.getState().setFilters({ statuses: ['operating'] });
    store.getState().setFilters({ statuses: ['operating', 'closed'] });
    expect(fake.calls.replace).toBe(0);
    vi.advanceTimersByTime(400);
    expect(fake.calls.replace).toBe(1);
    expect(fake.calls.push).toBe(0);
    expect(fake.entries).toEqual(['?v=1&status=operating,closed']);
  });

  it('writes nothing for changes outside the URL (hover)', () => {
    store.getState().setHover('alpha-vn');
    vi.advanceTimersByTime(1000);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
  });

  it('Back restores the previous selection (none) and Forward selects again, without new entries', () => {
    store.getState().selectFeature('alpha-vn');
    fake.history.back();
    expect(store.getState().selection).toEqual({ kind: 'none' });
    fake.history.forward();
    expect(store.getState().selection).toEqual({ kind: 'feature', featureKind: 'gate', id: 'alpha-vn' });
    vi.advanceTimersByTime(1000);
    expect(fake.calls).toEqual({ push: 1, replace: 0 });
    expect(fake.entries).toHaveLength(2);
  });

  it('Back across a filter change restores the filters of that entry', () => {
    store.getState().setFilters({ statuses: ['closed'] });
    vi.advanceTimersByTime(400);
    store.getState().selectFeature('alpha-cn');
    store.getState().setFilters({ statuses: ['operating'] });
    vi.advanceTimersByTime(400);
    fake.history.back();
    expect(store.getState().filters.statuses).toEqual(['closed']);
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });

  it('stops writing once stopped', () => {
    stop();
    store.getState().selectFeature('alpha-vn');
    vi.advanceTimersByTime(1000);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
  });
});

describe('checkLinkAgainstData', () => {
  it('drops a selection the data does not hold, says so, and keeps the rest of the link', () => {
    const store = storeWithData();
    applyUrl(store, '?status=operating&sel=gate:no-such-gate&lang=vi', { moveCamera: false });
    const problems = checkLinkAgainstData(store);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"gate:no-such-gate" is not in the data/);
    const state = store.getState();
    expect(state.selection).toEqual({ kind: 'none' });
    expect(state.filters.statuses).toEqual(['operating']);
    expect(state.language).toBe('vi');
  });

  it('keeps a known selection and corrects its kind from the data', () => {
    const store = storeWithData();
    applyUrl(store, '?sel=opening:beta-market-vn', { moveCamera: false });
    expect(checkLinkAgainstData(store)).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'feature', featureKind: 'market', id: 'beta-market-vn' });
  });

  it('reports nothing before the data is loaded', () => {
    const store = createAppStore();
    applyUrl(store, '?sel=gate:anything', { moveCamera: false });
    expect(checkLinkAgainstData(store)).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'feature', featureKind: 'gate', id: 'anything' });
  });
});

describe('applyUrl', () => {
  it('asks the map to move when the link carries a view', () => {
    const store = createAppStore();
    applyUrl(store, '?map=8/22.5/104', { moveCamera: true });
    expect(store.getState().cameraRequest).toMatchObject({ kind: 'view', view: { zoom: 8, center: [104, 22.5] } });
  });
});
