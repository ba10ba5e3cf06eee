/**
 * The one URL codec: state <-> readable query parameters. Pure (no window), so it is unit-tested
 * directly. Defaults are left out, so the default state encodes to an empty string.
 * @example encodeState({...defaults, filters: {...f, statuses: ['operating']}}) === '?v=1&status=operating'
 */
import { LAYER_IDS, type LayerId } from '../data/model';
import { CrossingMode, EventKind, FeatureKind, GateClass, GateStatus } from '../data/schema';
import { DEFAULT_ACTIVITY, type ActivityView } from '../state/slices/activity';
import { isValidDay, todayIso, type IsoDay } from '../lib/dates';
import { DEFAULT_FILTERS } from '../state/slices/filters';
import { DEFAULT_LAYERS } from '../state/slices/layers';
import type { Basemap, FilterState, Language, Selection, ViewState } from '../state/types';
import { EARLIEST_AS_OF_DAY } from './limits';

export const URL_VERSION = 1;

export interface UrlState {
  view: ViewState | null;
  filters: FilterState;
  layers: Record<LayerId, boolean>;
  selection: Selection;
  language: Language;
  basemap: Basemap;
  listOpen: boolean;
  /** The activity view and its filters (activity=1, akind, aprov, apair, afrom, ato). */
  activity: ActivityView;
  /** The earlier day of a date comparison (from=); the later one is date= (or today). */
  compareFrom: string | null;
}

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  view: null,
  filters: DEFAULT_FILTERS,
  layers: DEFAULT_LAYERS,
  selection: { kind: 'none' },
  language: 'en',
  basemap: 'offline',
  listOpen: false,
  activity: DEFAULT_ACTIVITY,
  compareFrom: null,
}) as UrlState;

const LANGUAGES: Language[] = ['en', 'vi', 'zh'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_QUERY_LENGTH = 100;

/** Decimal places for coordinates at a zoom, as maplibre's hash does (about 1 px of precision). */
export function coordinateDecimals(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

const roundTo = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  // "+ 0" turns -0 into 0: the URL cannot carry the sign of zero, so the canonical state must not.
  return Math.round(value * f) / f + 0;
};

/** Bearing in [-180, 180). */
const wrapBearing = (bearing: number) => ((((bearing + 180) % 360) + 360) % 360) - 180;

/** The view as the URL will carry it (rounded), so a decoded link equals the canonical state. */
export function canonicalView(view: ViewState): ViewState {
  const zoom = roundTo(view.zoom, 2);
  const decimals = coordinateDecimals(zoom);
  return {
    zoom,
    center: [roundTo(view.center[0], decimals), roundTo(view.center[1], decimals)],
    // Round before wrapping (179.97 rounds to 180, which must wrap to -180), and again after
    // (wrapping adds float error), so canonicalView(canonicalView(v)) equals canonicalView(v).
    bearing: roundTo(wrapBearing(roundTo(view.bearing, 1)), 1),
    pitch: roundTo(view.pitch, 0),
  };
}

function encodeView(view: ViewState): string {
  const v = canonicalView(view);
  const decimals = coordinateDecimals(v.zoom);
  const parts = [String(v.zoom), v.center[1].toFixed(decimals), v.center[0].toFixed(decimals)];
  if (v.bearing !== 0 || v.pitch !== 0) parts.push(String(v.bearing));
  if (v.pitch !== 0) parts.push(String(v.pitch));
  // Trim trailing zeros the same way on every path so the round trip is exact.
  return parts.map((p) => (p.includes('.') ? p.replace(/\.?0+$/, '') : p)).join('/');
}

/** Serialises the URL part of the state. Returns '' for the default state, else '?v=1&…'. */
export function encodeState(state: UrlState): string {
  const params: [string, string][] = [];
  if (state.view) params.push(['map', encodeView(state.view)]);
  const visible = LAYER_IDS.filter((id) => state.layers[id]);
  if (visible.length !== LAYER_IDS.length) params.push(['layers', visible.length ? visible.join(',') : 'none']);
  const f = state.filters;
  if (f.statuses.length) params.push(['status', f.statuses.join(',')]);
  if (f.classes.length) params.push(['class', f.classes.join(',')]);
  if (f.modes.length) params.push(['mode', f.modes.join(',')]);
  if (f.provinces.length) params.push(['prov', f.provinces.join(',')]);
  if (state.compareFrom) params.push(['from', state.compareFrom]);
  if (f.date) params.push(['date', f.date]);
  if (f.query.trim()) params.push(['q', f.query]);
  if (state.selection.kind === 'feature') params.push(['sel', `${state.selection.featureKind}:${state.selection.id}`]);
  else if (state.selection.kind !== 'none') params.push(['sel', `${state.selection.kind}:${state.selection.id}`]);
  if (state.language !== 'en') params.push(['lang', state.language]);
  if (state.basemap !== 'offline') params.push(['base', state.basemap]);
  if (state.listOpen) params.push(['list', '1']);
  const a = state.activity;
  if (a.open) params.push(['activity', '1']);
  if (a.filter.kinds.length) params.push(['akind', a.filter.kinds.join(',')]);
  if (a.filter.provinces.length) params.push(['aprov', a.filter.provinces.join(',')]);
  if (a.filter.pair) params.push(['apair', a.filter.pair]);
  if (a.filter.from) params.push(['afrom', a.filter.from]);
  if (a.filter.to) params.push(['ato', a.filter.to]);
  if (params.length === 0) return '';
  // Commas and colons stay readable; everything else is percent-encoded.
  const text = [['v', String(URL_VERSION)], ...params]
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}`)
    .join('&');
  return `?${text}`;
}

export interface DecodeResult {
  /** The state the link asks for; keys it does not carry take their defaults. */
  state: UrlState;
  /** True when the link carried a map= view that could be read. */
  hasView: boolean;
  /** One plain sentence per parameter (or value) that was dropped. */
  problems: string[];
}

function decodeList<T extends string>(raw: string, allowed: readonly T[], name: string, problems: string[]): T[] {
  const out: T[] = [];
  const bad: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if ((allowed as readonly string[]).includes(item)) {
      if (!out.includes(item as T)) out.push(item as T);
    } else bad.push(item);
  }
  if (bad.length) problems.push(`Unknown ${name} ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ignored.`);
  return out;
}

function decodeView(raw: string, problems: string[]): ViewState | null {
  const parts = raw.split('/');
  const numbers = parts.map(Number);
  if (parts.length < 3 || parts.length > 5 || numbers.some((n) => !Number.isFinite(n))) {
    problems.push(`The map position "${raw.slice(0, 40)}" could not be read; showing the whole border.`);
    return null;
  }
  const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180 || pitch < 0 || pitch > 85) {
    problems.push(`The map position "${raw.slice(0, 40)}" is out of range; showing the whole border.`);
    return null;
  }
  return canonicalView({ zoom, center: [lng, lat], bearing, pitch });
}

/**
 * Reads the as-of day: a calendar day between EARLIEST_AS_OF_DAY and today, the range the date
 * control offers. Anything else is dropped with a sentence, and the map shows today.
 */
function decodeDate(raw: string, today: IsoDay, problems: string[]): IsoDay | null {
  const shown = raw.slice(0, 20);
  if (!isValidDay(raw)) problems.push(`The date "${shown}" is not a calendar day (YYYY-MM-DD); showing today.`);
  else if (raw > today) problems.push(`The date "${shown}" is in the future; showing today.`);
  else if (raw < EARLIEST_AS_OF_DAY) problems.push(`The date "${shown}" is before ${EARLIEST_AS_OF_DAY}, the earliest the atlas shows; showing today.`);
  else return raw;
  return null;
}

/**
 * Reads a query string one parameter at a time. A bad parameter drops only itself and adds a
 * problem sentence; unknown parameters are ignored silently (other tools add their own). A known
 * parameter with an empty value (`date=`) counts as absent.
 * @param today The latest day a link may ask for (YYYY-MM-DD, UTC, as the date control uses);
 * tests pass a fixed one.
 * @example decodeSearch('?date=2099-01-01', '2025-07-01').problems // ['The date "2099-01-01" is in the future; showing today.']
 */
export function decodeSearch(search: string, today: IsoDay = todayIso()): DecodeResult {
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { state: DEFAULT_URL_STATE, hasView: false, problems: ['The link could not be read.'] };
  }
  const get = (key: string) => {
    const value = params.get(key);
    return value === null ? null : value.trim();
  };
  const state: UrlState = {
    ...DEFAULT_URL_STATE,
    filters: { ...DEFAULT_FILTERS },
    layers: { ...DEFAULT_LAYERS },
  };
  const version = get('v');
  if (version && version !== String(URL_VERSION)) {
    if (/^\d{1,6}$/.test(version) && Number(version) > URL_VERSION) {
      problems.push(`This link was made by a newer version of Border Atlas (v=${version}); some of it may not show.`);
    } else problems.push(`The link version "${version.slice(0, 10)}" could not be read; reading the link as v=${URL_VERSION}.`);
  }
  const map = get('map');
  if (map) state.view = decodeView(map, problems);
  const layers = get('layers');
  if (layers !== null) {
    if (layers === 'none') for (const id of LAYER_IDS) state.layers[id] = false;
    else {
      const visible = decodeList(layers, LAYER_IDS, 'layer', problems);
      if (visible.length) for (const id of LAYER_IDS) state.layers[id] = visible.includes(id);
    }
  }
  const status = get('status');
  if (status) state.filters.statuses = decodeList(status, GateStatus.options, 'status', problems);
  const klass = get('class');
  if (klass) state.filters.classes = decodeList(klass, GateClass.options, 'class', problems);
  const mode = get('mode');
  if (mode) state.filters.modes = decodeList(mode, CrossingMode.options, 'mode', problems);
  const prov = get('prov');
  if (prov) {
    const ids = prov.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = ids.filter((id) => !ID.test(id));
    if (bad.length) problems.push(`Unknown province ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ignored.`);
    state.filters.provinces = [...new Set(ids.filter((id) => ID.test(id)))];
  }
  const date = get('date');
  if (date) state.filters.date = decodeDate(date, today, problems);
  const query = params.get('q');
  if (query) {
    let truncated = query.slice(0, MAX_QUERY_LENGTH);
    // Never cut a surrogate pair in half: a lone surrogate makes encodeURIComponent throw on the next write.
    if (/[\uD800-\uDBFF]$/.test(truncated)) truncated = truncated.slice(0, -1);
    state.filters.query = truncated;
  }
  const sel = get('sel');
  if (sel) {
    const match = /^([a-z]+):(.+)$/.exec(sel);
    const kind = match?.[1];
    const id = match?.[2];
    if (match && (kind === 'province' || kind === 'event' || kind === 'agreement') && id && ID.test(id)) {
      state.selection = { kind, id };
    } else if (match && kind && id && (FeatureKind.options as string[]).includes(kind) && ID.test(id)) {
      state.selection = { kind: 'feature', featureKind: kind as FeatureKind, id };
    } else problems.push(`The selected feature "${sel.slice(0, 60)}" could not be read.`);
  }
  const lang = get('lang');
  if (lang) {
    if ((LANGUAGES as string[]).includes(lang)) state.language = lang as Language;
    else problems.push(`Unknown language "${lang.slice(0, 20)}"; showing English.`);
  }
  const base = get('base');
  if (base) {
    if (base === 'osm' || base === 'offline') state.basemap = base;
    else problems.push(`Unknown basemap "${base.slice(0, 20)}"; showing the offline map.`);
  }
  const list = get('list');
  if (list) {
    // The codec writes only list=1; list=0 is a hand-edited "closed" and reads as such.
    if (list === '1' || list === '0') state.listOpen = list === '1';
    else problems.push(`The list setting "${list.slice(0, 20)}" could not be read (list=1 opens the list); the list stays closed.`);
  }
  decodeActivity(get, state, today, problems);
  return { state, hasView: state.view !== null, problems };
}

/** A day for the activity range or the comparison: a calendar day the atlas covers, else null with a sentence. */
function decodeDay(raw: string, what: string, today: IsoDay, problems: string[]): IsoDay | null {
  const shown = raw.slice(0, 20);
  if (!isValidDay(raw)) problems.push(`The ${what} "${shown}" is not a calendar day (YYYY-MM-DD); it is ignored.`);
  else if (raw > today) problems.push(`The ${what} "${shown}" is in the future; it is ignored.`);
  else if (raw < EARLIEST_AS_OF_DAY) problems.push(`The ${what} "${shown}" is before ${EARLIEST_AS_OF_DAY}, the earliest the atlas shows; it is ignored.`);
  else return raw;
  return null;
}

/** Reads the activity view (activity, akind, aprov, apair, afrom, ato) and the comparison day (from). */
function decodeActivity(get: (key: string) => string | null, state: UrlState, today: IsoDay, problems: string[]) {
  const filter = { ...DEFAULT_ACTIVITY.filter };
  const open = get('activity');
  if (open && open !== '1' && open !== '0') problems.push(`The activity setting "${open.slice(0, 20)}" could not be read (activity=1 opens the activity list).`);
  const kinds = get('akind');
  if (kinds) filter.kinds = decodeList(kinds, EventKind.options, 'event kind', problems);
  const prov = get('aprov');
  if (prov) {
    const ids = prov.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = ids.filter((id) => !ID.test(id));
    if (bad.length) problems.push(`Unknown province ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ignored in the activity list.`);
    filter.provinces = [...new Set(ids.filter((id) => ID.test(id)))];
  }
  const pair = get('apair');
  if (pair) {
    if (ID.test(pair)) filter.pair = pair;
    else problems.push(`Unknown crossing pair "${pair.slice(0, 40)}" ignored in the activity list.`);
  }
  const afrom = get('afrom');
  if (afrom) filter.from = decodeDay(afrom, 'activity start date', today, problems);
  const ato = get('ato');
  if (ato) filter.to = isValidDay(ato) && ato >= EARLIEST_AS_OF_DAY ? ato : decodeDay(ato, 'activity end date', today, problems);
  if (filter.from && filter.to && filter.from > filter.to) {
    problems.push(`The activity range ${filter.from} – ${filter.to} ends before it starts; the end date is ignored.`);
    filter.to = null;
  }
  state.activity = { open: open === '1', filter };
  const from = get('from');
  if (from) {
    const day = decodeDay(from, 'comparison date', today, problems);
    const until = state.filters.date ?? today;
    if (day && day >= until) {
      problems.push(`The comparison date "${day}" is not before the as-of date ${until}; no comparison is shown.`);
    } else state.compareFrom = day;
  }
}

/** Picks the URL part out of the full store state. */
export function urlStateOf(s: UrlState): UrlState {
  return {
    view: s.view,
    filters: s.filters,
    layers: s.layers,
    selection: s.selection,
    language: s.language,
    basemap: s.basemap,
    listOpen: s.listOpen,
    activity: s.activity,
    compareFrom: s.compareFrom,
  };
}
