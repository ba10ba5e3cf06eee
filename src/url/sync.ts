/**
 * The one writer to the URL. Store -> history: camera, filters, layers, language replace the
 * current entry (throttled); a selection change pushes one, so Back closes the panel and Forward
 * reopens it. History -> store: popstate decodes the URL and applies it, moving the camera.
 * Whenever a link has been read (boot, popstate), the address bar is rewritten in place to the
 * state actually applied, so a re-copied link no longer carries the parts that were dropped.
 */
import type { AppStore } from '../state/store';
import type { LinkProblem } from '../lib/problems';
import { decodeSearch, encodeState, unknownValues, urlStateOf, type UrlState } from './codec';

/** Browsers limit replaceState to about 100 calls per 30 s (Safari); camera moves fire often. */
const REPLACE_THROTTLE_MS = 400;

export interface HistoryLike {
  readonly location: { search: string; pathname: string; hash: string };
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

function selectionKey(s: UrlState) {
  return s.selection.kind === 'none' ? '' : `${s.selection.kind}:${s.selection.id}`;
}

/** Applies a decoded URL to the store (boot and popstate). Returns the problems to show. */
export function applyUrl(store: AppStore, search: string, options: { moveCamera: boolean }): LinkProblem[] {
  const { state, hasView, problems } = decodeSearch(search);
  // Every URL key is applied; a link without a view leaves the camera where it is.
  const { view, ...rest } = urlStateOf(state);
  store.setState({ ...rest, ...(hasView ? { view } : {}) });
  if (options.moveCamera) {
    if (hasView && state.view) store.getState().requestCamera({ kind: 'view', view: state.view });
  }
  return problems;
}

/** Moves the camera to the store's selection (a feature or a province), as choosing it does. */
export function showLinkedSelection(store: AppStore): void {
  const { selection, selectFeature, selectProvince } = store.getState();
  if (selection.kind === 'feature') selectFeature(selection.id, { fly: true });
  else if (selection.kind === 'province') selectProvince(selection.id, { fly: true });
}

/**
 * After the data loads: a selection the data does not hold, or provinces it does not know, are
 * dropped with a plain message; the rest of the link stays.
 */
export function checkLinkAgainstData(store: AppStore): LinkProblem[] {
  const { data, selection, filters } = store.getState();
  if (!data) return [];
  const problems: LinkProblem[] = [];
  if (selection.kind === 'feature') {
    const feature = data.byId.get(selection.id);
    if (!feature) {
      problems.push({ key: 'featureMissing', params: { value: `${selection.featureKind}:${selection.id}`.slice(0, 80) } });
      store.setState({ selection: { kind: 'none' } });
    } else if (feature.properties.kind !== selection.featureKind) {
      // Ids are unique across kinds, so the feature is the one meant; only the prefix was wrong.
      const actual = feature.properties.kind;
      problems.push({ key: 'featureWrongKind', params: { value: `${selection.featureKind}:${selection.id}`.slice(0, 80), actual, expected: selection.featureKind } });
      store.setState({ selection: { kind: 'feature', featureKind: actual, id: selection.id } });
    }
  }
  if (selection.kind === 'province' && !data.provinces.has(selection.id)) {
    problems.push({ key: 'provinceMissing', params: { value: selection.id.slice(0, 80) } });
    store.setState({ selection: { kind: 'none' } });
  }
  if (selection.kind === 'event' && !data.events.some((e) => e.id === selection.id)) {
    problems.push({ key: 'lang3.link.eventMissing', params: { value: selection.id.slice(0, 80) } });
    store.setState({ selection: { kind: 'none' } });
  }
  if (selection.kind === 'agreement' && !data.agreements.some((a) => a.id === selection.id)) {
    problems.push({ key: 'lang3.link.agreementMissing', params: { value: selection.id.slice(0, 80) } });
    store.setState({ selection: { kind: 'none' } });
  }
  const activity = store.getState().activity;
  const unknownActivity = activity.filter.provinces.filter((id) => !data.provinces.has(id));
  if (unknownActivity.length && data.provinces.size) {
    problems.push({ key: 'lang3.link.activityProvince', params: { values: unknownActivity.map((u) => `"${u.slice(0, 40)}"`).join(', ') } });
    store.setState({ activity: { ...activity, filter: { ...activity.filter, provinces: activity.filter.provinces.filter((id) => data.provinces.has(id)) } } });
  }
  const unknown = filters.provinces.filter((id) => !data.provinces.has(id));
  if (unknown.length && data.provinces.size) {
    problems.push(unknownValues('province', unknown));
    store.setState({ filters: { ...filters, provinces: filters.provinces.filter((id) => data.provinces.has(id)) } });
  }
  return problems;
}

/**
 * Starts syncing; returns a function that stops it. Call it after the link has been applied and
 * checked against the data: it first rewrites the current entry (replaceState, never a push) to
 * the canonical encoding of the store, dropping whatever the link carried that was not applied.
 */
export function startUrlSync(store: AppStore, history: HistoryLike): () => void {
  let lastWritten = encodeState(urlStateOf(store.getState()));
  let lastSelection = selectionKey(urlStateOf(store.getState()));
  let pending: ReturnType<typeof setTimeout> | null = null;
  let applyingPopstate = false;

  const urlFor = (search: string) => `${history.location.pathname}${search}${history.location.hash}`;
  /** Makes the address bar show exactly `encoded`, in place; no write when it already does. */
  const replaceIfDifferent = (encoded: string) => {
    lastWritten = encoded;
    if (history.location.search !== encoded) history.replaceState(null, '', urlFor(encoded));
  };
  replaceIfDifferent(lastWritten);
  const flush = () => {
    pending = null;
    const encoded = encodeState(urlStateOf(store.getState()));
    if (encoded === lastWritten) return;
    lastWritten = encoded;
    history.replaceState(null, '', urlFor(encoded));
  };

  const unsubscribe = store.subscribe((state) => {
    if (applyingPopstate) return;
    const urlState = urlStateOf(state);
    const selection = selectionKey(urlState);
    if (selection !== lastSelection) {
      lastSelection = selection;
      if (pending) clearTimeout(pending);
      pending = null;
      const encoded = encodeState(urlState);
      lastWritten = encoded;
      history.pushState(null, '', urlFor(encoded));
      return;
    }
    if (!pending) pending = setTimeout(flush, REPLACE_THROTTLE_MS);
  });

  const onPopState = () => {
    // A jump to a fragment (#…) also fires popstate, on an entry whose query is the one we last
    // wrote. Nothing to apply: re-reading it would undo state set since that write and not yet
    // flushed by the throttle (the skip link's open list).
    if (history.location.search === lastWritten) return;
    applyingPopstate = true;
    try {
      const problems = applyUrl(store, history.location.search, { moveCamera: true });
      store.getState().setLinkProblems([...problems, ...checkLinkAgainstData(store)]);
    } finally {
      applyingPopstate = false;
    }
    const applied = urlStateOf(store.getState());
    replaceIfDifferent(encodeState(applied));
    lastSelection = selectionKey(applied);
  };
  history.addEventListener('popstate', onPopState);

  return () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
    history.removeEventListener('popstate', onPopState);
  };
}
