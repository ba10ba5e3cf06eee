/**
 * The one URL codec: state <-> readable query parameters. Pure (no window), so it is unit-tested
 * directly. Defaults are left out, so the default state encodes to an empty string.
 * @example encodeState({...defaults, filters: {...f, states: ['open']}}) === '?v=2&state=open'
 */
import { LAYER_IDS } from '../data/kinds';
import { CrossingMode, FeatureKind, GateClass, GateStatus } from '../data/schema';
import { PLANNER_STATES, STATE_OF_STATUS, type PlannerState } from '../state/planner-state';
import { isValidDay, todayIso, type IsoDay } from '../lib/dates';
import { DEFAULT_URL_STATE, urlStateOf, type UrlState } from '../state/persistence';
import type { Language, ViewState } from '../state/types';
import { EARLIEST_AS_OF_DAY } from './limits';

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
  read(raw: string, draft: UrlDraft, context: { problems: string[]; today: IsoDay }): void;
  /** Read the value as typed, spaces included (the search text). */
  untrimmed?: boolean;
}

/**
 * v=1 links filtered by detailed status (`status=operating,restored`); v=2 filters by planner
 * state. Each status is read as its state, with one sentence saying so.
 */
function migrateStatuses(raw: string, problems: string[]): PlannerState[] {
  const statuses = decodeList(raw, GateStatus.options, 'status', problems);
  const states = [...new Set(statuses.map((s) => STATE_OF_STATUS[s]))];
  if (statuses.length) {
    const plural = states.length > 1;
    problems.push(
      `This link filters by detailed status (${statuses.join(', ')}); it now shows the state${plural ? 's' : ''} ${states.join(', ')}, which include${plural ? '' : 's'} every status of the same kind.`,
    );
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
      else if (raw !== 'both') problems.push(`Unknown side "${raw.slice(0, 20)}" (vn, cn or both); showing both sides.`);
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
      if (bad.length) problems.push(`Unknown province ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ignored.`);
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
    write: (s) =>
      s.selection.kind === 'feature' ? `${s.selection.featureKind}:${s.selection.id}` : s.selection.kind === 'province' ? `province:${s.selection.id}` : null,
    read: (raw, draft, { problems }) => {
      const match = /^([a-z]+):(.+)$/.exec(raw);
      const kind = match?.[1];
      const id = match?.[2];
      if (match && kind === 'province' && id && ID.test(id)) {
        draft.selection = { kind: 'province', id };
      } else if (match && kind && id && (FeatureKind.options as string[]).includes(kind) && ID.test(id)) {
        draft.selection = { kind: 'feature', featureKind: kind as FeatureKind, id };
      } else problems.push(`The selected feature "${raw.slice(0, 60)}" could not be read.`);
    },
  },
  {
    name: 'lang',
    write: (s) => (s.language !== DEFAULT_URL_STATE.language ? s.language : null),
    read: (raw, draft, { problems }) => {
      if ((LANGUAGES as string[]).includes(raw)) draft.language = raw as Language;
      else problems.push(`Unknown language "${raw.slice(0, 20)}"; showing English.`);
    },
  },
  {
    name: 'base',
    write: (s) => (s.baseLayer !== DEFAULT_URL_STATE.baseLayer ? s.baseLayer : null),
    read: (raw, draft, { problems }) => {
      if (raw === 'osm' || raw === 'offline') draft.baseLayer = raw;
      else problems.push(`Unknown basemap "${raw.slice(0, 20)}"; showing the offline map.`);
    },
  },
  {
    name: 'list',
    write: (s) => (s.listOpen ? '1' : null),
    read: (raw, draft, { problems }) => {
      // The codec writes only list=1; list=0 is a hand-edited "closed" and reads as such.
      if (raw === '1' || raw === '0') draft.listOpen = raw === '1';
      else problems.push(`The list setting "${raw.slice(0, 20)}" could not be read (list=1 opens the list); the list stays closed.`);
    },
  },
];

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
  const draft: UrlDraft = {
    ...DEFAULT_URL_STATE,
    filters: { ...DEFAULT_URL_STATE.filters },
    layers: { ...DEFAULT_URL_STATE.layers },
  };
  const version = params.get('v')?.trim();
  if (version && !READABLE_VERSIONS.includes(version)) {
    if (/^\d{1,6}$/.test(version) && Number(version) > URL_VERSION) {
      problems.push(`This link was made by a newer version of Border Atlas (v=${version}); some of it may not show.`);
    } else problems.push(`The link version "${version.slice(0, 10)}" could not be read; reading the link as v=${URL_VERSION}.`);
  }
  for (const param of URL_PARAMS) {
    const value = params.get(param.name);
    const raw = value === null ? '' : param.untrimmed ? value : value.trim();
    if (raw) param.read(raw, draft, { problems, today });
  }
  return { state: draft, hasView: draft.view !== null, problems };
}
