/** The store's shape, shared by the slices, the URL codec and the map adapter. */
import type { AtlasData, LayerId } from '../data/model';
import type { GeometryParts, LoadProblem } from '../data/load';
import type { LinkProblem } from '../lib/problems';
import type { SearchIndex } from '../data/search-index';
import type { CrossingMode, FeatureKind, GateClass } from '../data/schema';
import type { PlannerState } from '../data/planner-state';
import type { ActivitySlice } from './slices/activity';
import type { MapImageResult } from '../map/capture';

export type Language = 'en' | 'vi' | 'zh';
/** The base layer under the border: the offline basemap alone, or OpenStreetMap tiles over it. */
export type BaseLayer = 'offline' | 'osm';

export interface ViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Which side's features the answer lists: one side, or both with a crossing pair as one row. */
export type Side = 'both' | 'VN' | 'CN';

export interface FilterState {
  /** Kinds the answer holds (empty: all); separate from which layers the map draws. */
  kinds: FeatureKind[];
  /** Planner states on the day (gates and openings; see data/planner-state.ts). */
  states: PlannerState[];
  side: Side;
  classes: GateClass[];
  modes: CrossingMode[];
  provinces: string[];
  /** "As of" day (YYYY-MM-DD); null means today. */
  date: string | null;
  query: string;
}

/** Selection as a discriminated union (placemark's pattern): nothing, or one feature, province, event or agreement by id. */
export type Selection =
  | { kind: 'none' }
  | { kind: 'feature'; featureKind: FeatureKind; id: string }
  | { kind: 'province'; id: string }
  | { kind: 'event'; id: string }
  | { kind: 'agreement'; id: string };

/** A camera request before the store gives it an id. `bounds` frames a province or the results. */
export type CameraRequestInput =
  | { kind: 'feature'; center: [number, number]; zoom: number }
  | { kind: 'view'; view: ViewState }
  | { kind: 'bounds'; bounds: [[number, number], [number, number]]; maxZoom?: number };

/** A store-driven camera move; the adapter acts once per new id. */
export type CameraRequest = CameraRequestInput & { id: number };

/** Pixels of the map hidden under panels on each side; the camera centres in what is left. */
export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };
export type MapStatus = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export interface ViewSlice {
  /** null until the map first reports its camera; the map then fits the whole border. */
  view: ViewState | null;
  cameraRequest: CameraRequest | null;
  /** Transient: measured from the panels over the map (ResizeObserver), applied by the adapter. */
  mapPadding: MapPadding;
  setView: (view: ViewState) => void;
  setMapPadding: (padding: MapPadding) => void;
  requestCamera: (request: CameraRequestInput) => void;
}

export interface FiltersSlice {
  filters: FilterState;
  setFilters: (patch: Partial<FilterState>) => void;
  toggleInFilter: <K extends 'kinds' | 'states' | 'classes' | 'modes' | 'provinces'>(key: K, value: FilterState[K][number]) => void;
  resetFilters: () => void;
}

export interface SelectionSlice {
  selection: Selection;
  hover: string | null;
  /** Selects a feature (or clears with null); with fly, asks the map to go there. */
  selectFeature: (id: string | null, options?: { fly?: boolean }) => void;
  /** Opens a province's panel (its notes, lengths, features and province-level events). */
  selectProvince: (id: string, options?: { fly?: boolean }) => void;
  setHover: (id: string | null) => void;
  /** Opens an event's or an agreement's panel (unknown ids are refused). */
  selectActivityItem: (kind: 'event' | 'agreement', id: string) => void;
}

export interface LayersSlice {
  layers: Record<LayerId, boolean>;
  setLayerVisible: (layer: LayerId, visible: boolean) => void;
}

export interface UiSlice {
  language: Language;
  baseLayer: BaseLayer;
  listOpen: boolean;
  /** Transient: "Play years" is running (the map shows the year large). */
  playing: boolean;
  loadStatus: LoadStatus;
  mapStatus: MapStatus;
  dataProblems: LoadProblem[];
  /** What a shared link carried that could not be used, in plain words. */
  linkProblems: LinkProblem[];
  /** Problems of the online basemap or the map style that did not stop the map. */
  mapNotices: string[];
  /** The border and basemap, as soon as they have loaded (the map starts from them). */
  geometry: GeometryParts | null;
  /** Every file, once the features have loaded too (includes the border and basemap). */
  data: AtlasData | null;
  /** Built in idle time after the data loads, or on first focus of the search box. */
  searchIndex: SearchIndex | null;
  setLanguage: (language: Language) => void;
  setBaseLayer: (baseLayer: BaseLayer) => void;
  setListOpen: (open: boolean) => void;
  setPlaying: (playing: boolean) => void;
  setGeometry: (geometry: GeometryParts, problems: LoadProblem[]) => void;
  /** Sets the data (and the problems of every file so far); the search index may come later. */
  setData: (data: AtlasData, searchIndex: SearchIndex | null, problems: LoadProblem[]) => void;
  setSearchIndex: (searchIndex: SearchIndex) => void;
  setLoadFailed: (message: string) => void;
  setMapStatus: (status: MapStatus) => void;
  addMapNotice: (message: string) => void;
  setLinkProblems: (problems: LinkProblem[]) => void;
  dismissProblems: () => void;
}

/** A picture of the map asked of the adapter (briefing, PNG); see state/capture.ts. */
export interface CaptureSlice {
  mapImageRequest: { id: number } | null;
  mapImage: MapImageResult | null;
  /** Asks the map for a picture; returns the request id the answer will carry. */
  requestMapImage: () => number;
  deliverMapImage: (image: MapImageResult) => void;
}

export type AppState = ViewSlice & FiltersSlice & SelectionSlice & LayersSlice & UiSlice & ActivitySlice & CaptureSlice;
