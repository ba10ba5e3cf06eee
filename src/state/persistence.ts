/**
 * Where each state key lives (excalidraw's pattern), as the one table the URL codec, the URL
 * writer and the docs derive from:
 * - DEFAULT_URL_STATE lists every key a link carries, with the value a link without it means (the
 *   slices start from these values too);
 * - TRANSIENT_KEYS lists every other data key (never in a link).
 * A data key of AppState in neither list, or in both, is a type error below.
 *
 * To add a URL key: give it a slice (type in types.ts, initial value from DEFAULT_URL_STATE),
 * add it here with its default, and add one row to URL_PARAMS in src/url/codec.ts (its query
 * parameter, how it is written and read). A new field of `filters` needs only its default in
 * DEFAULT_FILTERS and its URL_PARAMS row. Nothing else lists keys.
 */
import { DEFAULT_FILTERS } from './slices/filters';
import { DEFAULT_LAYERS } from './slices/layers';
import type { AppState } from './types';

/** Every key of AppState that holds data rather than an action. */
export type DataKey = { [K in keyof AppState]: AppState[K] extends (...args: never[]) => unknown ? never : K }[keyof AppState];

const URL_DEFAULTS = {
  view: null,
  filters: DEFAULT_FILTERS,
  layers: DEFAULT_LAYERS,
  selection: { kind: 'none' },
  language: 'en',
  baseLayer: 'offline',
  listOpen: false,
} as const satisfies Partial<{ [K in DataKey]: AppState[K] }>;

export type UrlKey = keyof typeof URL_DEFAULTS;
/** The part of the state a link carries. */
export type UrlState = Pick<AppState, UrlKey>;

export const DEFAULT_URL_STATE: UrlState = Object.freeze(URL_DEFAULTS as UrlState);

export const URL_KEYS = Object.keys(URL_DEFAULTS) as UrlKey[];

export const TRANSIENT_KEYS = [
  'cameraRequest',
  'mapPadding',
  'hover',
  'playing',
  'loadStatus',
  'mapStatus',
  'dataProblems',
  'linkProblems',
  'mapNotices',
  'geometry',
  'data',
  'searchIndex',
] as const satisfies readonly DataKey[];

type TransientKey = (typeof TRANSIENT_KEYS)[number];
// Compile-time checks: every data key is decided, and none is both.
type Undecided = Exclude<DataKey, UrlKey | TransientKey>;
type Twice = Extract<UrlKey, TransientKey>;
export const PERSISTENCE_IS_COMPLETE: [Undecided, Twice] extends [never, never] ? true : { undecided: Undecided; twice: Twice } = true;

/** Picks the URL part out of the full store state. */
export function urlStateOf(state: UrlState): UrlState {
  return Object.fromEntries(URL_KEYS.map((key) => [key, state[key]])) as unknown as UrlState;
}
