/**
 * BorderMap: the only place that touches MapLibre imperatively. It subscribes to the store,
 * computes the desired map state with pure functions (style.ts, expressions.ts,
 * feature-state.ts), diffs it against what it last applied, and calls the one matching setter.
 * Map events become store actions. Sources are set once; filters and highlights never rebuild them.
 */
import * as maplibregl from 'maplibre-gl';
import type { FilterSpecification, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
// The single turf module the app needs: importing it from @turf/turf put 220 KB more into the bundle.
import { bbox } from '@turf/bbox';
import { GateClass } from '../data/schema';
import { KIND, KINDS, LAYER_IDS, type LayerId } from '../data/kinds';
import type { GeoJSONSource } from 'maplibre-gl';
import type { GeometryParts } from '../data/load';
import { buildAtlasData, displayName, type AtlasData } from '../data/model';
import { buildRows, hasState, stateByFeature } from '../state/answers';
import { effectiveDay, visibleFeatureIds } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { AppState, CameraRequest, Language, MapPadding, Side, ViewState } from '../state/types';
import { idFilter, pairLinkFilter, sameExpression } from './expressions';
import { diffIds, diffValues } from './feature-state';
import { markerImage, shapeOfIcon } from './icons';
import { createLabels, type LabelLayer } from './labels';
import { INTERACTIVE_LAYERS, LAYER, SOURCE, buildStyle, layerCollection, pairLinkList, pairLinks, type PairLink } from './style';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /**
     * The live map: the documented hook for the browser tests and `npm run bench`, which both run
     * the production build, so it ships in production. ESLint forbids reading it outside src/map,
     * tests/browser and bench; app code goes through the store.
     */
    __map?: maplibregl.Map;
  }
}

/** The border's bounding box padded a little, for "fit the whole border". */
function borderBounds(geometry: GeometryParts): [[number, number], [number, number]] {
  if (!geometry.border) return [[102.1, 21.4], [108.1, 23.5]];
  const [w, s, e, n] = bbox(geometry.border.line);
  return [[w, s], [e, n]];
}

function cameraOf(map: maplibregl.Map): ViewState {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

export interface BorderMapOptions {
  /** Called once when the map is first idle with every layer added (User Timing mark). */
  onFirstIdle?: () => void;
}

export class BorderMap {
  private readonly map: maplibregl.Map;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly appliedFilters = new Map<string, FilterSpecification>();
  private selectedIds = new Set<string>();
  private hoverIds = new Set<string>();
  private stateById = new Map<string, string>();
  /** The selected feature the camera last centred on; the user's drag ends the promise to keep it there. */
  private centredId: string | null = null;
  private lastCameraRequest = 0;
  /** The data the map shows: the border and basemap at first, everything once it has loaded. */
  private data: AtlasData;
  private attached = false;
  private links: PairLink[] = [];
  /** Pair-link ids by the feature at either end, for highlighting a selection's links. */
  private readonly linksOfFeature = new Map<string, string[]>();
  private readonly linkIds = new Set<string>();
  private labels: LabelLayer | null = null;
  private readonly popup: maplibregl.Popup;
  private destroyed = false;

  /**
   * Starts the map from the border and basemap alone; the features are added when the store's
   * `data` arrives (attach). Throws if MapLibre cannot create a WebGL context; the caller shows
   * the message.
   */
  constructor(container: HTMLElement, private readonly store: AppStore, geometry: GeometryParts, private readonly options: BorderMapOptions) {
    const state = store.getState();
    this.data = buildAtlasData({ features: [], sources: [], agreements: [], events: [], provinces: [], ...geometry });
    const style = buildStyle(this.data, { osmVisible: state.baseLayer === 'osm', layers: state.layers, links: [] });
    const view = state.view;
    this.map = new maplibregl.Map({
      container,
      style,
      ...(view ? { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch } : { bounds: borderBounds(geometry), fitBoundsOptions: { padding: 40 } }),
      attributionControl: { compact: false },
      maxPitch: 60,
      // Symbols (the marker shapes) would fade in for 300 ms after every filter change, and the
      // map is not idle until they finish; markers should just appear.
      fadeDuration: 0,
      dragRotate: true,
    });
    window.__map = this.map;
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'hover-popup' });

    this.map.on('error', (event) => this.onMapError(event));
    // Marker shapes are drawn here on demand rather than shipped as a sprite (see icons.ts).
    this.map.on('styleimagemissing', (event: { id: string }) => {
      const shape = shapeOfIcon(event.id);
      if (shape && !this.map.hasImage(event.id)) this.map.addImage(event.id, markerImage(shape), { sdf: true });
    });
    this.map.once('load', () => {
      if (this.destroyed) return;
      // The feature data may arrive before or after the style has loaded; it is attached once.
      this.unsubscribers.push(
        this.store.subscribe(
          (st) => st.data,
          (data) => {
            if (data && !this.attached && !this.destroyed) this.attach(data);
          },
          { fireImmediately: true },
        ),
      );
    });
    // Dragging takes the camera back from the selection.
    this.map.on('dragstart', () => (this.centredId = null));
    this.map.on('resize', () => this.keepCentred());
    this.map.on('moveend', () => {
      // The map owns the camera while the user moves it; the store only records where it ended.
      this.store.getState().setView(cameraOf(this.map));
    });
    this.map.on('click', (event) => {
      const hit = this.featureAt(event.point);
      this.store.getState().selectFeature(hit ?? null);
    });
    this.map.on('mousemove', (event) => {
      const hit = this.featureAt(event.point);
      this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
      if (hit !== this.store.getState().hover) this.store.getState().setHover(hit ?? null);
    });
    this.map.on('mouseout', () => this.store.getState().setHover(null));
  }

  /**
   * Adds the features once they have loaded: each point source and the pair links get their data
   * (once; filters and highlights never touch it again), the labels are made, and the store
   * subscriptions start. The first idle after this is the app's `first-idle`.
   */
  private attach(data: AtlasData) {
    this.attached = true;
    this.data = data;
    this.links = pairLinkList(data.features);
    for (const link of this.links) {
      this.linkIds.add(link.id);
      for (const end of link.ends) this.linksOfFeature.set(end, [...(this.linksOfFeature.get(end) ?? []), link.id]);
    }
    for (const { layer, sourceId } of KINDS) this.map.getSource<GeoJSONSource>(sourceId)?.setData(layerCollection(data, layer) as GeoJSON.FeatureCollection);
    this.map.getSource<GeoJSONSource>(SOURCE.pairLinks)?.setData(pairLinks(data, this.links));
    this.labels = createLabels(this.map, data, (id) => this.store.getState().selectProvince(id, { fly: true }));
    this.subscribe();
    this.map.once('idle', () => {
      if (this.destroyed) return;
      this.store.getState().setMapStatus({ kind: 'ready' });
      this.options.onFirstIdle?.();
    });
  }

  private featureAt(point: maplibregl.PointLike): string | undefined {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id));
    const hits: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(point, { layers });
    // Where points overlap (a post at its gate), the gate wins: layers rank in LAYER_IDS order;
    // within a layer the point nearest the cursor wins (the two banks of a river gate).
    const at = maplibregl.Point.convert(point);
    const distance = (hit: MapGeoJSONFeature) =>
      hit.geometry.type === 'Point' ? this.map.project(hit.geometry.coordinates as [number, number]).dist(at) : Infinity;
    const rank = (hit: MapGeoJSONFeature) => INTERACTIVE_LAYERS.indexOf(hit.layer.id);
    // Points stacked on one estimated spot tie on distance: the higher class (the international
    // gate over a bridge of the same pair) wins; the panel lists the others.
    const classRank = (hit: MapGeoJSONFeature) => {
      const index = GateClass.options.indexOf(hit.properties?.class);
      return index < 0 ? GateClass.options.length : index;
    };
    hits.sort((a, b) => rank(a) - rank(b) || Math.round(distance(a)) - Math.round(distance(b)) || classRank(a) - classRank(b));
    const id = hits[0]?.properties?.id;
    return typeof id === 'string' ? id : undefined;
  }

  private onMapError(event: { error?: { message?: string }; sourceId?: string }) {
    const message = event.error?.message ?? 'unknown error';
    if (event.sourceId === SOURCE.osm) {
      // A failing tile server leaves the offline basemap visible underneath: say so, never blank.
      this.store.getState().addMapNotice('The online OpenStreetMap tiles could not be loaded; the offline basemap is shown instead.');
      return;
    }
    this.store.getState().addMapNotice(`Map error: ${message}`);
  }

  private subscribe() {
    const s = this.store;
    const on = <T>(selector: (state: AppState) => T, listener: (value: T) => void, equalityFn?: (a: T, b: T) => boolean) => {
      this.unsubscribers.push(s.subscribe(selector, listener, { fireImmediately: true, equalityFn }));
    };
    on((st) => st.layers, (layers) => this.applyLayerVisibility(layers));
    on(
      (st) => [st.filters, st.layers] as const,
      () => this.applyFilters(),
      (a, b) => a[0] === b[0] && a[1] === b[1],
    );
    on(
      (st) => [effectiveDay(st.filters), st.filters.side] as const,
      ([day, side]) => this.applyStatusState(day, side),
      (a, b) => a[0] === b[0] && a[1] === b[1],
    );
    on((st) => st.mapPadding, (padding) => this.applyPadding(padding));
    on((st) => (st.selection.kind === 'feature' ? st.selection.id : null), (id) => this.applySelection(id));
    on((st) => st.hover, (id) => this.applyHover(id));
    on((st) => st.cameraRequest, (request) => this.applyCameraRequest(request));
    on((st) => st.baseLayer, (baseLayer) => this.map.setLayoutProperty(LAYER.osm, 'visibility', baseLayer === 'osm' ? 'visible' : 'none'));
    on(
      (st) => [st.language, effectiveDay(st.filters)] as const,
      ([language, day]) => this.labels?.update(language as Language, day as string),
      (a, b) => a[0] === b[0] && a[1] === b[1],
    );
  }

  private applyLayerVisibility(layers: Record<LayerId, boolean>) {
    for (const id of LAYER_IDS) {
      const want = layers[id] ? 'visible' : 'none';
      if (this.map.getLayoutProperty(LAYER[id], 'visibility') !== want) this.map.setLayoutProperty(LAYER[id], 'visibility', want);
    }
  }

  private setFilterIfChanged(layerId: string, filter: FilterSpecification) {
    if (sameExpression(this.appliedFilters.get(layerId), filter)) return;
    this.appliedFilters.set(layerId, filter);
    this.map.setFilter(layerId, filter);
  }

  private applyFilters() {
    const { filters, layers } = this.store.getState();
    const day = effectiveDay(filters);
    const visible = visibleFeatureIds(this.data, filters, layers, day);
    const visibleSet = new Set(visible);
    for (const { kind, mapLayerId } of KINDS) {
      const ids = this.data.features.filter((f) => f.properties.kind === kind && visibleSet.has(f.properties.id)).map((f) => f.properties.id);
      this.setFilterIfChanged(mapLayerId, idFilter(ids));
    }
    this.setFilterIfChanged(LAYER.pairLinks, pairLinkFilter(visibleSet, this.links));
    this.labels?.setVisibleFeatures(visibleSet);
  }

  /** Colours gates and openings by planner state (a crossing's sides share its state) and marks the scope. */
  private applyStatusState(day: string, side: Side) {
    const states = stateByFeature(buildRows(this.data, side, day));
    const next = new Map<string, string>();
    for (const f of this.data.features) {
      if (!hasState(f.properties.kind)) continue;
      const answer = states.get(f.properties.id);
      next.set(f.properties.id, `${answer?.state ?? 'no-record'}|${answer?.scope ?? 'all'}`);
    }
    for (const [id, value] of diffValues(this.stateById, next)) {
      const feature = this.data.byId.get(id);
      if (!feature || value === null) continue;
      const [state, scope] = value.split('|');
      this.map.setFeatureState({ source: KIND[feature.properties.kind].sourceId, id }, { state, scope });
    }
    this.stateById = next;
  }

  /** Panels over the map shift its centre: the visible part's centre is where the camera aims. */
  private applyPadding(padding: MapPadding) {
    const current = this.map.getPadding();
    if (current.top === padding.top && current.right === padding.right && current.bottom === padding.bottom && current.left === padding.left) return;
    this.map.setPadding(padding);
    this.keepCentred();
  }

  /** After a resize or a padding change, the feature the camera centred on stays at the centre. */
  private keepCentred() {
    const selection = this.store.getState().selection;
    if (!this.centredId || selection.kind !== 'feature' || selection.id !== this.centredId || this.map.isMoving()) return;
    const feature = this.data.byId.get(this.centredId);
    if (feature) this.map.jumpTo({ center: feature.geometry.coordinates as [number, number] });
  }

  /** The source holding a feature-state id: a point's kind's source, or the pair links. */
  private sourceOf(id: string): string | null {
    const feature = this.data.byId.get(id);
    if (feature) return KIND[feature.properties.kind].sourceId;
    return this.linkIds.has(id) ? SOURCE.pairLinks : null;
  }

  private applyFlag(flag: 'selected' | 'hover', previous: Set<string>, next: Set<string>) {
    const { set, clear } = diffIds(previous, next);
    for (const id of clear) {
      const source = this.sourceOf(id);
      if (source) this.map.setFeatureState({ source, id }, { [flag]: false });
    }
    for (const id of set) {
      const source = this.sourceOf(id);
      if (source) this.map.setFeatureState({ source, id }, { [flag]: true });
    }
  }

  private applySelection(id: string | null) {
    const next = new Set<string>();
    if (id && this.data.byId.has(id)) {
      next.add(id);
      // Selecting one side highlights its pair links too.
      for (const link of this.linksOfFeature.get(id) ?? []) next.add(link);
    }
    this.applyFlag('selected', this.selectedIds, next);
    this.selectedIds = next;
  }

  private applyHover(id: string | null) {
    const next = new Set(id ? [id] : []);
    this.applyFlag('hover', this.hoverIds, next);
    this.hoverIds = next;
    const feature = id ? this.data.byId.get(id) : undefined;
    if (feature) {
      const language = this.store.getState().language;
      // setText, never setHTML: names come from data.
      this.popup.setLngLat(feature.geometry.coordinates as [number, number]).setText(displayName(feature.properties.names, language)).addTo(this.map);
    } else this.popup.remove();
  }

  private applyCameraRequest(request: CameraRequest | null) {
    if (!request || request.id <= this.lastCameraRequest) return;
    this.lastCameraRequest = request.id;
    this.centredId = null;
    if (request.kind === 'view') this.map.jumpTo({ center: request.view.center, zoom: request.view.zoom, bearing: request.view.bearing, pitch: request.view.pitch });
    else if (request.kind === 'bounds') {
      // The panels' padding is the map's own (setPadding), so fitBounds frames in the visible part.
      this.map.fitBounds(request.bounds, { padding: 40, maxZoom: request.maxZoom ?? 12, essential: true, duration: 800 });
    } else {
      const selection = this.store.getState().selection;
      // A panel opening with the selection resizes the map in the same frame: move after layout.
      requestAnimationFrame(() => {
        if (this.destroyed) return;
        this.map.resize();
        if (selection.kind === 'feature') this.centredId = selection.id;
        this.map.flyTo({ center: request.center, zoom: request.zoom, essential: true, duration: 800 });
      });
    }
  }

  destroy() {
    this.destroyed = true;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.labels?.destroy();
    this.popup.remove();
    this.map.remove();
    if (window.__map === this.map) delete window.__map;
  }
}
