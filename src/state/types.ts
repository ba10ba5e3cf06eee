/** The store's shape, shared by the slices, the URL codec and the map adapter. */
import type { AtlasData, LayerId } from '../data/model';
import type { LoadProblem } from '../data/load';
import type { SearchIndex } from '../data/search-index';
import type { CrossingMode, FeatureKind, GateClass, GateStatus } from '../data/schema';
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

export interface FilterState {
  statuses: GateStatus[];
  classes: GateClass[];
  modes: CrossingMode[];
  provinces: string[];
  /** "As of" day (YYYY-MM-DD); null means today. */
  date: string | null;
  query: string;
}

/** Selection as a discriminated union (placemark's pattern): nothing, or one feature by id. */
export type Selection =
  | { kind: 'none' }
  | { kind: 'feature'; featureKind: FeatureKind; id: string }
  | { kind: 'province'; id: string };

/** A store-driven camera move; the adapter acts once per new id. */
export type CameraRequest =
  | { id: number; kind: 'feature'; center: [number, number]; zoom: number }
  | { id: number; kind: 'view'; view: ViewState };

/** A camera request before the store gives it an id. */
export type CameraRequestInput =
  | { kind: 'feature'; center: [number, number]; zoom: number }
  | { kind: 'view'; view: ViewState };

export type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };
export type MapStatus = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export interface ViewSlice {
  /** null until the map first reports its camera; the map then fits the whole border. */
  view: ViewState | null;
  cameraRequest: CameraRequest | null;
  setView: (view: ViewState) => void;
  requestCamera: (request: CameraRequestInput) => void;
}

export interface FiltersSlice {
  filters: FilterState;
  setFilters: (patch: Partial<FilterState>) => void;
  toggleInFilter: <K extends 'statuses' | 'classes' | 'modes' | 'provinces'>(key: K, value: FilterState[K][number]) => void;
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
}

export interface LayersSlice {
  layers: Record<LayerId, boolean>;
  setLayerVisible: (layer: LayerId, visible: boolean) => void;
}

export interface UiSlice {
  language: Language;
  baseLayer: BaseLayer;
  listOpen: boolean;
  loadStatus: LoadStatus;
  mapStatus: MapStatus;
  dataProblems: LoadProblem[];
  /** What a shared link carried that could not be used, in plain words. */
  linkProblems: string[];
  /** Problems of the online basemap or the map style that did not stop the map. */
  mapNotices: string[];
  data: AtlasData | null;
  searchIndex: SearchIndex | null;
  setLanguage: (language: Language) => void;
  setBaseLayer: (baseLayer: BaseLayer) => void;
  setListOpen: (open: boolean) => void;
  setData: (data: AtlasData, searchIndex: SearchIndex, problems: LoadProblem[]) => void;
  setMapStatus: (status: MapStatus) => void;
  addMapNotice: (message: string) => void;
  setLinkProblems: (problems: string[]) => void;
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

export type AppState = ViewSlice & FiltersSlice & SelectionSlice & LayersSlice & UiSlice & CaptureSlice;
