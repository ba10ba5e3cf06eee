/**
 * The one URL codec: state <-> readable query parameters. Pure (no window), so it is unit-tested
 * directly. Defaults are left out, so the default state encodes to an empty string.
 * @example encodeState({...defaults, filters: {...f, states: ['open']}}) === '?v=2&state=open'
 */
import { LAYER_IDS } from '../data/kinds';
import { CrossingMode, EventKind, FeatureKind, GateClass, GateStatus } from '../data/schema';
import { PLANNER_STATES, STATE_OF_STATUS, type PlannerState } from '../data/planner-state';
import type { ActivityFilter } from '../data/activity';
import { isValidDay, todayIso, type IsoDay } from '../lib/dates';
import { DEFAULT_URL_STATE, urlStateOf, type UrlState } from '../state/persistence';
import type { Language, ViewState } from '../state/types';
import type { LinkProblem } from '../lib/problems';
import { EARLIEST_AS_OF_DAY, VIEW_LIMITS } from './limits';

// The table of URL keys and defaults is state/persistence.ts; re-exported for the codec's users.
export { DEFAULT_URL_STATE, urlStateOf, type UrlState };

/**
 * 2: planner states replaced detailed statuses (`state=open,closed`; `status=` of v=1 links is
 * read into states, with a sentence), and `kind=` and `side=` came in.
 */
export const URL_VERSION = 2;
/** Versions this codec reads (older ones are migrated). */
const READABLE_VERSIONS = ['1', '2'];

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

/** Bearing in [-180, 180); any finite number (1e308 too) wraps without overflow. */
const wrapBearing = (bearing: number) => ((((bearing % 360) + 540) % 360) - 180) + 0;

/** A finite number clamped to [min, max]; anything else (NaN, ±Infinity) becomes `fallback`. */
const clampFinite = (value: number, min: number, max: number, fallback: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** The view as the URL will carry it (rounded), so a decoded link equals the canonical state. */
export function canonicalView(view: ViewState): ViewState {
  // Clamped to the map's limits first, so whatever reaches here (a link, the map, a test) is
  // written as finite numbers the map keeps: the URL never carries NaN, Infinity or a pitch the
  // map would flatten.
  const L = VIEW_LIMITS;
  const zoom = roundTo(clampFinite(view.zoom, L.minZoom, L.maxZoom, L.minZoom), 2);
  const decimals = coordinateDecimals(zoom);
  return {
    zoom,
    center: [roundTo(clampFinite(view.center[0], -L.maxLng, L.maxLng, 0), decimals), roundTo(clampFinite(view.center[1], -L.maxLat, L.maxLat, 0), decimals)],
    // Wrap first (a huge bearing would overflow when rounded), round (179.97 rounds to 180,
    // which must wrap to -180), wrap and round again (wrapping adds float error), so
    // canonicalView(canonicalView(v)) equals canonicalView(v).
    bearing: roundTo(wrapBearing(roundTo(wrapBearing(Number.isFinite(view.bearing) ? view.bearing : 0), 1)), 1),
    pitch: roundTo(clampFinite(view.pitch, 0, L.maxPitch, 0), 0),
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
  for (const param of URL_PARAMS) {
    const value = param.write(state);
    if (value !== null) params.push([param.name, value]);
  }
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
  problems: LinkProblem[];
}

/** Most unknown values one problem quotes; a link with thousands gets "…" after these. */
const MAX_QUOTED_VALUES = 5;

/**
 * "Unknown status "x", "y" ignored.": each value cut to 40 characters, repeats removed, at most
 * a few quoted, so a hostile link cannot make the sentence long.
 * @param what the noun's key under harden2.link.what (status, class, mode, layer, province)
 */
export function unknownValues(what: string, bad: readonly string[]): LinkProblem {
  const distinct = [...new Set(bad.map((b) => b.slice(0, 40)))];
  const quoted = distinct.slice(0, MAX_QUOTED_VALUES).map((b) => `"${b}"`);
  if (distinct.length > MAX_QUOTED_VALUES) quoted.push('…');
  return { key: 'unknownValues', params: { what, values: quoted.join(', ') } };
}

function decodeList<T extends string>(raw: string, allowed: readonly T[], name: string, problems: LinkProblem[]): T[] {
  const out: T[] = [];
  const bad: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if ((allowed as readonly string[]).includes(item)) {
      if (!out.includes(item as T)) out.push(item as T);
    } else bad.push(item);
  }
  if (bad.length) problems.push(unknownValues(name, bad));
  return out;
}

/** A plain decimal as the encoder writes it: optional minus, digits, optional fraction. No hex, no exponent, no empty part. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Longest part of map= that is read (a longer one is not a number the encoder writes). */
const MAX_VIEW_PART = 24;

function decodeView(raw: string, problems: LinkProblem[]): ViewState | null {
  const parts = raw.split('/');
  const value = raw.slice(0, 40);
  const numbers = parts.map((p) => (p.length <= MAX_VIEW_PART && DECIMAL.test(p) ? Number(p) : NaN));
  if (parts.length < 3 || parts.length > 5 || numbers.some((n) => !Number.isFinite(n))) {
    problems.push({ key: 'viewUnreadable', params: { value } });
    return null;
  }
  const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
  const L = VIEW_LIMITS;
  // A pitch past the map's limit is flattened to it, as the map itself would (canonicalView).
  if (zoom < L.minZoom || zoom > L.maxZoom || Math.abs(lat) > L.maxLat || Math.abs(lng) > L.maxLng || pitch < 0) {
    problems.push({ key: 'viewOutOfRange', params: { value } });
    return null;
  }
  return canonicalView({ zoom, center: [lng, lat], bearing, pitch });
}

/**
 * Reads the as-of day: a calendar day between EARLIEST_AS_OF_DAY and today, the range the date
 * control offers. Anything else is dropped with a sentence, and the map shows today.
 */
function decodeDate(raw: string, today: IsoDay, problems: LinkProblem[]): IsoDay | null {
  const shown = raw.slice(0, 20);
  if (!isValidDay(raw)) problems.push({ key: 'dateInvalid', params: { value: shown } });
  else if (raw > today) problems.push({ key: 'dateFuture', params: { value: shown } });
  else if (raw < EARLIEST_AS_OF_DAY) problems.push({ key: 'dateTooEarly', params: { value: shown, earliest: EARLIEST_AS_OF_DAY } });
  else return raw;
  return null;
}

/** A decoded state under construction: `filters` and `layers` are the decoder's own copies. */
export type UrlDraft = UrlState;

/**
 * One query parameter: its name, how the state writes it (null: the state holds the default, so
 * the parameter is left out) and how a link's value is read back into a draft state, with one
 * plain sentence in `problems` for whatever is dropped. The table's order is the order of the
 * parameters in a link and the order they are read in.
 */
export interface UrlParam {
  name: string;
  write(state: UrlState): string | null;
  /** Called only when the parameter is present and not blank; `raw` is trimmed unless `untrimmed`. */
  read(raw: string, draft: UrlDraft, context: { problems: LinkProblem[]; today: IsoDay }): void;
  /** Read the value as typed, spaces included (the search text). */
  untrimmed?: boolean;
}

/**
 * v=1 links filtered by detailed status (`status=operating,restored`); v=2 filters by planner
 * state. Each status is read as its state, with one sentence saying so.
 */
function migrateStatuses(raw: string, problems: LinkProblem[]): PlannerState[] {
  const statuses = decodeList(raw, GateStatus.options, 'status', problems);
  const states = [...new Set(statuses.map((s) => STATE_OF_STATUS[s]))];
  if (statuses.length) {
    problems.push({ key: 'lang3.link.migratedStatuses', params: { statuses: statuses.join(', '), states: states.join(', '), count: states.length } });
  }
  return states;
}

const listParam = <K extends 'kinds' | 'states' | 'classes' | 'modes'>(name: string, key: K, allowed: readonly UrlState['filters'][K][number][], noun: string): UrlParam => ({
  name,
  write: (s) => (s.filters[key].length ? s.filters[key].join(',') : null),
  read: (raw, draft, { problems }) => {
    (draft.filters[key] as string[]) = decodeList(raw, allowed, noun, problems);
  },
});

export const URL_PARAMS: readonly UrlParam[] = [
  {
    name: 'map',
    write: (s) => (s.view ? encodeView(s.view) : null),
    read: (raw, draft, { problems }) => {
      draft.view = decodeView(raw, problems);
    },
  },
  {
    name: 'layers',
    write: (s) => {
      const visible = LAYER_IDS.filter((id) => s.layers[id]);
      if (visible.length === LAYER_IDS.length) return null;
      return visible.length ? visible.join(',') : 'none';
    },
    read: (raw, draft, { problems }) => {
      if (raw === 'none') for (const id of LAYER_IDS) draft.layers[id] = false;
      else {
        const visible = decodeList(raw, LAYER_IDS, 'layer', problems);
        if (visible.length) for (const id of LAYER_IDS) draft.layers[id] = visible.includes(id);
      }
    },
  },
  listParam('kind', 'kinds', FeatureKind.options, 'kind'),
  {
    name: 'side',
    write: (s) => (s.filters.side !== DEFAULT_URL_STATE.filters.side ? s.filters.side.toLowerCase() : null),
    read: (raw, draft, { problems }) => {
      const upper = raw.toUpperCase();
      if (upper === 'VN' || upper === 'CN') draft.filters.side = upper;
      else if (raw !== 'both') problems.push({ key: 'lang3.link.side', params: { value: raw.slice(0, 20) } });
    },
  },
  listParam('state', 'states', PLANNER_STATES, 'state'),
  {
    // v=1 links filtered by detailed status; never written now, read into the matching states.
    name: 'status',
    write: () => null,
    read: (raw, draft, { problems }) => {
      const migrated = migrateStatuses(raw, problems);
      draft.filters.states = PLANNER_STATES.filter((s) => draft.filters.states.includes(s) || migrated.includes(s));
    },
  },
  listParam('class', 'classes', GateClass.options, 'class'),
  listParam('mode', 'modes', CrossingMode.options, 'mode'),
  {
    name: 'prov',
    write: (s) => (s.filters.provinces.length ? s.filters.provinces.join(',') : null),
    read: (raw, draft, { problems }) => {
      const ids = raw.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = ids.filter((id) => !ID.test(id));
      if (bad.length) problems.push(unknownValues('province', bad));
      draft.filters.provinces = [...new Set(ids.filter((id) => ID.test(id)))];
    },
  },
  {
    name: 'date',
    write: (s) => s.filters.date,
    read: (raw, draft, { problems, today }) => {
      draft.filters.date = decodeDate(raw, today, problems);
    },
  },
  {
    // The earlier day of a comparison; read after date=, which it must come before.
    name: 'from',
    write: (s) => s.compareFrom,
    read: (raw, draft, { problems, today }) => {
      const day = decodeDay(raw, 'comparison date', today, problems);
      const until = draft.filters.date ?? today;
      if (day && day >= until) problems.push({ key: 'lang3.link.compareNotBefore', params: { value: day, until } });
      else draft.compareFrom = day;
    },
  },
  {
    name: 'q',
    untrimmed: true,
    write: (s) => (s.filters.query.trim() ? s.filters.query : null),
    read: (raw, draft) => {
      let truncated = raw.slice(0, MAX_QUERY_LENGTH);
      // Never cut a surrogate pair in half: a lone surrogate makes encodeURIComponent throw on the next write.
      if (/[\uD800-\uDBFF]$/.test(truncated)) truncated = truncated.slice(0, -1);
      draft.filters.query = truncated;
    },
  },
  {
    name: 'sel',
    write: (s) => (s.selection.kind === 'feature' ? `${s.selection.featureKind}:${s.selection.id}` : s.selection.kind !== 'none' ? `${s.selection.kind}:${s.selection.id}` : null),
    read: (raw, draft, { problems }) => {
      const match = /^([a-z]+):(.+)$/.exec(raw);
      const kind = match?.[1];
      const id = match?.[2];
      if (match && (kind === 'province' || kind === 'event' || kind === 'agreement') && id && ID.test(id)) {
        draft.selection = { kind, id };
      } else if (match && kind && id && (FeatureKind.options as string[]).includes(kind) && ID.test(id)) {
        draft.selection = { kind: 'feature', featureKind: kind as FeatureKind, id };
      } else problems.push({ key: 'selectionUnreadable', params: { value: raw.slice(0, 60) } });
    },
  },
  {
    name: 'lang',
    write: (s) => (s.language !== DEFAULT_URL_STATE.language ? s.language : null),
    read: (raw, draft, { problems }) => {
      if ((LANGUAGES as string[]).includes(raw)) draft.language = raw as Language;
      else problems.push({ key: 'languageUnknown', params: { value: raw.slice(0, 20) } });
    },
  },
  {
    name: 'base',
    write: (s) => (s.baseLayer !== DEFAULT_URL_STATE.baseLayer ? s.baseLayer : null),
    read: (raw, draft, { problems }) => {
      if (raw === 'osm' || raw === 'offline') draft.baseLayer = raw;
      else problems.push({ key: 'basemapUnknown', params: { value: raw.slice(0, 20) } });
    },
  },
  {
    name: 'list',
    write: (s) => (s.listOpen ? '1' : null),
    read: (raw, draft, { problems }) => {
      // The codec writes only list=1; list=0 is a hand-edited "closed" and reads as such.
      if (raw === '1' || raw === '0') draft.listOpen = raw === '1';
      else problems.push({ key: 'listUnreadable', params: { value: raw.slice(0, 20) } });
    },
  },
  {
    name: 'activity',
    write: (s) => (s.activity.open ? '1' : null),
    read: (raw, draft, { problems }) => {
      if (raw === '1' || raw === '0') draft.activity = { ...draft.activity, open: raw === '1' };
      else problems.push({ key: 'lang3.link.activitySetting', params: { value: raw.slice(0, 20) } });
    },
  },
  {
    name: 'akind',
    write: (s) => (s.activity.filter.kinds.length ? s.activity.filter.kinds.join(',') : null),
    read: (raw, draft, { problems }) => setActivityFilter(draft, { kinds: decodeList(raw, EventKind.options, 'event kind', problems) }),
  },
  {
    name: 'aprov',
    write: (s) => (s.activity.filter.provinces.length ? s.activity.filter.provinces.join(',') : null),
    read: (raw, draft, { problems }) => {
      const ids = raw.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = ids.filter((id) => !ID.test(id));
      if (bad.length) problems.push({ key: 'lang3.link.activityProvince', params: { values: bad.map((b) => `"${b.slice(0, 40)}"`).join(', ') } });
      setActivityFilter(draft, { provinces: [...new Set(ids.filter((id) => ID.test(id)))] });
    },
  },
  {
    name: 'apair',
    write: (s) => s.activity.filter.pair,
    read: (raw, draft, { problems }) => {
      if (ID.test(raw)) setActivityFilter(draft, { pair: raw });
      else problems.push({ key: 'lang3.link.activityPair', params: { value: raw.slice(0, 40) } });
    },
  },
  {
    name: 'afrom',
    write: (s) => s.activity.filter.from,
    read: (raw, draft, { problems, today }) => setActivityFilter(draft, { from: decodeDay(raw, 'activity start date', today, problems) }),
  },
  {
    // The end may lie after today: the current year's bar lists up to 31 December.
    name: 'ato',
    write: (s) => s.activity.filter.to,
    read: (raw, draft, { problems }) => {
      if (!isValidDay(raw) || raw < EARLIEST_AS_OF_DAY) {
        problems.push({ key: 'lang3.link.activityEnd', params: { value: raw.slice(0, 20) } });
        return;
      }
      const from = draft.activity.filter.from;
      if (from && from > raw) problems.push({ key: 'lang3.link.activityRange', params: { from, to: raw } });
      else setActivityFilter(draft, { to: raw });
    },
  },
];

/** Replaces part of the draft's activity filter (the defaults are frozen, so never mutated). */
function setActivityFilter(draft: UrlDraft, patch: Partial<ActivityFilter>) {
  draft.activity = { ...draft.activity, filter: { ...draft.activity.filter, ...patch } };
}

/** A day for the comparison or the activity range: a calendar day the atlas covers, else null with a sentence. */
function decodeDay(raw: string, what: 'comparison date' | 'activity start date', today: IsoDay, problems: LinkProblem[]): IsoDay | null {
  const shown = raw.slice(0, 20);
  if (!isValidDay(raw)) problems.push({ key: 'lang3.link.dayInvalid', params: { day: what, value: shown } });
  else if (raw > today) problems.push({ key: 'lang3.link.dayFuture', params: { day: what, value: shown } });
  else if (raw < EARLIEST_AS_OF_DAY) problems.push({ key: 'lang3.link.dayEarly', params: { day: what, value: shown, earliest: EARLIEST_AS_OF_DAY } });
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
  const problems: LinkProblem[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { state: DEFAULT_URL_STATE, hasView: false, problems: [{ key: 'unreadable' }] };
  }
  const draft: UrlDraft = {
    ...DEFAULT_URL_STATE,
    filters: { ...DEFAULT_URL_STATE.filters },
    layers: { ...DEFAULT_URL_STATE.layers },
  };
  const version = params.get('v')?.trim();
  if (version && !READABLE_VERSIONS.includes(version)) {
    if (/^\d{1,6}$/.test(version) && Number(version) > URL_VERSION) {
      problems.push({ key: 'versionNewer', params: { version: version } });
    } else problems.push({ key: 'versionUnreadable', params: { value: version.slice(0, 10), version: URL_VERSION } });
  }
  for (const param of URL_PARAMS) {
    const value = params.get(param.name);
    const raw = value === null ? '' : param.untrimmed ? value : value.trim();
    if (raw) param.read(raw, draft, { problems, today });
  }
  return { state: draft, hasView: draft.view !== null, problems };
}
