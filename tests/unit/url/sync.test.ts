import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAtlasData } from '../../../src/data/model';
import { Province } from '../../../src/data/schema';
import { buildSearchIndex } from '../../../src/data/search-index';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { applyUrl, checkLinkAgainstData, startUrlSync, type HistoryLike } from '../../../src/url/sync';
import { SOURCE_ID, deepFreeze, makeData, makeFeature, makeSource } from '../../fixtures/factories';

/** An in-memory browser history: a stack of entries, a cursor, and popstate listeners. */
function createFakeHistory(pathname = '/atlas/', initialSearch = '') {
  const entries: string[] = [initialSearch];
  let index = 0;
  const listeners = new Set<() => void>();
  const calls = { push: 0, replace: 0 };
  const searchOf = (url: string) => new URL(url, 'http://atlas.test').search;
  const history: HistoryLike & { back(): void; forward(): void; jumpToFragment(): void } = {
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
    /** A click on `<a href="#x">`: a new entry with the same query, and popstate. */
    jumpToFragment() {
      entries.splice(index + 1);
      entries.push(entries[index]);
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

/** The fixture features plus one province (Lào Cai), so province ids in links are checked. */
function storeWithProvinces(): AppStore {
  const store = createAppStore();
  const laoCai = deepFreeze(Province.parse({ id: 'lao-cai', country: 'VN', names: { vi: 'Lào Cai' }, type: 'province', sourceIds: [SOURCE_ID] }));
  const data = buildAtlasData({ features: fixtureData().features, sources: [makeSource(SOURCE_ID)], agreements: [], events: [], provinces: [laoCai], border: null });
  store.getState().setData(data, buildSearchIndex(data.features), []);
  return store;
}

/** Boot as main.tsx does it: read the link, check it against the loaded data, then start syncing. */
function openLink(store: AppStore, search: string) {
  const fake = createFakeHistory('/atlas/', search);
  const problems = [...applyUrl(store, search, { moveCamera: false }), ...checkLinkAgainstData(store)];
  const stop = startUrlSync(store, fake.history);
  return { fake, problems, stop };
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
    expect(fake.entries).toEqual(['', '?v=2&sel=gate:alpha-vn']);
  });

  it('replaces the current entry for a filter change, once, after the throttle', () => {
    store.getState().setFilters({ states: ['open'] });
    store.getState().setFilters({ states: ['open', 'closed'] });
    expect(fake.calls.replace).toBe(0);
    vi.advanceTimersByTime(400);
    expect(fake.calls.replace).toBe(1);
    expect(fake.calls.push).toBe(0);
    expect(fake.entries).toEqual(['?v=2&state=open,closed']);
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
    store.getState().setFilters({ states: ['closed'] });
    vi.advanceTimersByTime(400);
    store.getState().selectFeature('alpha-cn');
    store.getState().setFilters({ states: ['open'] });
    vi.advanceTimersByTime(400);
    fake.history.back();
    expect(store.getState().filters.states).toEqual(['closed']);
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
    applyUrl(store, '?state=open&sel=gate:no-such-gate&lang=vi', { moveCamera: false });
    const problems = checkLinkAgainstData(store);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"gate:no-such-gate" is not in the data/);
    const state = store.getState();
    expect(state.selection).toEqual({ kind: 'none' });
    expect(state.filters.states).toEqual(['open']);
    expect(state.language).toBe('vi');
  });

  it('keeps a known selection under the wrong kind, corrects the kind from the data, and says so', () => {
    const store = storeWithData();
    applyUrl(store, '?sel=opening:beta-market-vn', { moveCamera: false });
    expect(checkLinkAgainstData(store)).toEqual([
      'The linked feature "opening:beta-market-vn" is a border market, not an opening; opened it as a border market.',
    ]);
    expect(store.getState().selection).toEqual({ kind: 'feature', featureKind: 'market', id: 'beta-market-vn' });
  });

  it('opens a gate linked as a market, as a gate', () => {
    const store = storeWithData();
    applyUrl(store, '?sel=market:alpha-vn', { moveCamera: false });
    const problems = checkLinkAgainstData(store);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/is a border gate, not a border market; opened it as a border gate/);
    expect(store.getState().selection).toEqual({ kind: 'feature', featureKind: 'gate', id: 'alpha-vn' });
  });

  it('says nothing about a selection whose kind is right', () => {
    const store = storeWithData();
    applyUrl(store, '?sel=market:beta-market-vn', { moveCamera: false });
    expect(checkLinkAgainstData(store)).toEqual([]);
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

describe('the address bar after a link is opened', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops an unknown selection from the address bar, in place (no new entry)', () => {
    const { fake, problems, stop } = openLink(storeWithData(), '?sel=nope');
    expect(problems).toHaveLength(1);
    expect(fake.entries).toEqual(['']);
    expect(fake.calls).toEqual({ push: 0, replace: 1 });
    stop();
  });

  it('drops a selection the data does not hold', () => {
    const { fake, stop } = openLink(storeWithData(), '?v=2&sel=gate:no-such-gate&lang=vi');
    expect(fake.entries).toEqual(['?v=2&lang=vi']);
    stop();
  });

  it('keeps only the parts that were applied: unknown province, class and mode go', () => {
    const { fake, problems, stop } = openLink(storeWithProvinces(), '?prov=atlantis,lao-cai&class=zzz,main&mode=air&state=open');
    expect(problems).toHaveLength(3);
    expect(fake.entries).toEqual(['?v=2&state=open&class=main&prov=lao-cai']);
    expect(fake.calls).toEqual({ push: 0, replace: 1 });
    stop();
  });

  it('drops every part when nothing could be applied', () => {
    const { fake, stop } = openLink(storeWithProvinces(), '?prov=atlantis&class=zzz&mode=air');
    expect(fake.entries).toEqual(['']);
    stop();
  });

  it('writes the corrected kind of a selection', () => {
    const { fake, stop } = openLink(storeWithData(), '?sel=market:alpha-vn');
    expect(fake.entries).toEqual(['?v=2&sel=gate:alpha-vn']);
    stop();
  });

  it('drops a date outside the range and an unreadable list setting', () => {
    const { fake, problems, stop } = openLink(storeWithData(), '?v=2&date=2099-01-01&list=yes&lang=zh');
    expect(problems).toHaveLength(2);
    expect(fake.entries).toEqual(['?v=2&lang=zh']);
    stop();
  });

  it('leaves a canonical link alone', () => {
    const { fake, problems, stop } = openLink(storeWithData(), '?v=2&state=open&sel=gate:alpha-vn&lang=vi');
    expect(problems).toEqual([]);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
    stop();
  });

  it('rewrites, in place, an entry that Back or Forward brings back with problems', () => {
    vi.useFakeTimers();
    const store = storeWithData();
    const { fake, stop } = openLink(store, '');
    fake.entries.push('?v=2&sel=gate:gone&lang=vi');
    fake.history.forward();
    expect(store.getState().linkProblems).toHaveLength(1);
    expect(fake.entries).toEqual(['', '?v=2&lang=vi']);
    expect(fake.calls).toEqual({ push: 0, replace: 1 });
    vi.advanceTimersByTime(1000);
    expect(fake.calls).toEqual({ push: 0, replace: 1 });
    stop();
  });
});

describe('popstate from a jump to a fragment', () => {
  it('keeps the state the page set (the skip link opens the list, then the browser fires popstate)', () => {
    vi.useFakeTimers();
    try {
      const store = storeWithData();
      const { fake, stop } = openLink(store, '');
      store.getState().setListOpen(true);
      // Before the throttled write: the entry's query does not have list=1 yet.
      fake.history.jumpToFragment();
      expect(store.getState().listOpen).toBe(true);
      vi.advanceTimersByTime(1000);
      expect(fake.entries[fake.index]).toBe('?v=2&list=1');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
