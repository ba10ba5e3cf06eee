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
import { buildAtlasData, displayName, statusAsOf, type AtlasData } from '../data/model';
import { enumLabel, i18n } from '../i18n';
import { buildRows, stateByFeature } from '../state/answers';
import { hasState } from '../data/planner-state';
import { effectiveDay, visibilityFilters, visibleFeatureIds } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { AppState, CameraRequest, Language, MapPadding, Side, ViewState } from '../state/types';
import { VIEW_LIMITS } from '../url/limits';
import { scaleBar, type MapImage } from './capture';
import { idFilter, pairLinkFilter, sameExpression } from './expressions';
import { diffIds, diffValues } from './feature-state';
import { LAYER_SHAPES, iconName, markerImage, shapeOfIcon } from './icons';
import { directionOfKey, nextInDirection, readingOrder, type ScreenPoint } from './keyboard-nav';
import { createLabels, type LabelLayer } from './labels';
import { CONTEXT_LAYER, CONTEXT_MIN_ZOOM, CONTEXT_SOURCE, OSM_TILES_FAILED, contextAttribution, contextLayers, contextSources, vietnamProvinceLineFilter } from './context';
import { createPlaceLabels, type PlaceLabelLayer } from './place-labels';
import { drawnPosition, withFanZoom } from './fan-out';
import { INTERACTIVE_LAYERS, LAYER, ONLINE_TILE_PROTOCOL, SOURCE, baseAttribution, buildStyle, fanLayoutOf, fanLeaders, layerCollection, pairLinkList, pairLinks, type PairLink } from './style';

maplibregl.setWorkerUrl(workerUrl);
// The online tiles' protocol (see ONLINE_TILE_PROTOCOL): any non-OK answer is an error, so the
// map's error event fires for the tile source and the adapter says the online map failed.
maplibregl.addProtocol(ONLINE_TILE_PROTOCOL, async (params, abortController) => {
  const response = await fetch(params.url.slice(`${ONLINE_TILE_PROTOCOL}://`.length), { signal: abortController.signal });
  if (!response.ok) throw new Error(`The tile server answered HTTP ${response.status}`);
  return { data: await response.arrayBuffer(), cacheControl: response.headers.get('Cache-Control'), expires: response.headers.get('Expires') };
});

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
  private placeLabels: PlaceLabelLayer | null = null;
  private readonly popup: maplibregl.Popup;
  private destroyed = false;
  private attribution = new maplibregl.AttributionControl({ compact: false });
  /** A re-centre on the selected feature is waiting for the current move to end. */
  private recentrePending = false;
  /** The feature the arrow keys last moved to (shown as the hover highlight), and the live region that announces it. */
  private keyboardFocus: string | null = null;
  private readonly announcer: HTMLElement;
  private readonly onKeyDown = (event: KeyboardEvent) => this.handleKey(event);

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
      // Our own control (below), re-made when the language changes so the credits follow it.
      attributionControl: false,
      // The same limit the URL codec holds a link to, so a linked pitch is never silently changed.
      maxPitch: VIEW_LIMITS.maxPitch,
      // Symbols (the marker shapes) would fade in for 300 ms after every filter change, and the
      // map is not idle until they finish; markers should just appear.
      fadeDuration: 0,
      dragRotate: true,
    });
    window.__map = this.map;
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(this.attribution, 'bottom-right');
    this.popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'hover-popup' });

    this.map.on('error', (event) => this.onMapError(event));
    // Marker shapes are drawn here on demand rather than shipped as a sprite (see icons.ts).
    this.map.on('styleimagemissing', (event: { id: string }) => {
      const shape = shapeOfIcon(event.id);
      if (shape && !this.map.hasImage(event.id)) this.map.addImage(event.id, markerImage(shape), { sdf: true });
    });
    this.map.once('load', () => {
      if (this.destroyed) return;
      // Every marker shape before any feature arrives: with MapLibre 6 an image added from the
      // styleimagemissing event comes too late for the tile that asked for it, and that tile then
      // drew none of its symbols (at Móng Cái, zoom 15–16, the openings and markets were missing
      // until the tile was rebuilt). The event handler above stays for shapes added later.
      for (const shape of new Set(Object.values(LAYER_SHAPES)))
        if (shape !== 'circle' && !this.map.hasImage(iconName(shape))) this.map.addImage(iconName(shape), markerImage(shape), { sdf: true });
      this.addContextWhenNeeded();
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

    // Keyboard: with the map focused, arrows move between the features in view and Enter opens
    // one; a live region says which. Capture phase on the container, so MapLibre's own arrow-key
    // panning only gets the keys that have no feature to move to.
    this.announcer = document.createElement('div');
    this.announcer.className = 'visually-hidden';
    this.announcer.setAttribute('role', 'status');
    this.announcer.setAttribute('aria-live', 'polite');
    this.announcer.dataset.testid = 'map-announcer';
    container.appendChild(this.announcer);
    container.addEventListener('keydown', this.onKeyDown, true);
  }

  /** Every feature drawn in the view, once each, with its point on screen. */
  private pointsInView(): ScreenPoint[] {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id));
    const seen = new Set<string>();
    const points: ScreenPoint[] = [];
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    for (const hit of this.map.queryRenderedFeatures({ layers })) {
      const id = hit.properties?.id;
      if (typeof id !== 'string' || seen.has(id) || hit.geometry.type !== 'Point') continue;
      seen.add(id);
      const { x, y } = this.map.project(hit.geometry.coordinates as [number, number]);
      if (x >= 0 && y >= 0 && x <= width && y <= height) points.push({ id, x, y });
    }
    return points;
  }

  private handleKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.target !== this.map.getCanvas()) return;
    const t = i18n.getFixedT(this.store.getState().language);
    const direction = directionOfKey(event.key);
    if (direction) {
      const points = this.pointsInView();
      const current = points.find((p) => p.id === this.keyboardFocus) ?? null;
      const { clientWidth, clientHeight } = this.map.getContainer();
      const next = nextInDirection(current, points, direction, { x: clientWidth / 2, y: clientHeight / 2 });
      if (points.length === 0) this.announcer.textContent = t('harden2.map.nothingInView');
      // Nothing further that way: the key pans the map, as MapLibre does by default.
      if (!next) return;
      event.preventDefault();
      event.stopPropagation();
      this.keyboardFocus = next;
      this.store.getState().setHover(next);
      this.announcer.textContent = this.describeFocus(next, points);
    } else if (event.key === 'Enter' && this.keyboardFocus) {
      event.preventDefault();
      event.stopPropagation();
      this.store.getState().selectFeature(this.keyboardFocus);
    }
  }

  /** "Hữu Nghị, Border gate, Operating — 3 of 12 in view", in the UI language. */
  private describeFocus(id: string, points: ScreenPoint[]): string {
    const state = this.store.getState();
    const t = i18n.getFixedT(state.language);
    const feature = this.data.byId.get(id);
    if (!feature) return '';
    const ordered = readingOrder(points);
    const params = {
      name: displayName(feature.properties.names, state.language),
      kind: enumLabel(state.language, feature.properties.kind),
      index: ordered.findIndex((p) => p.id === id) + 1,
      count: ordered.length,
    };
    const status = statusAsOf(feature, effectiveDay(state.filters));
    return status ? t('harden2.map.focusItem', { ...params, state: enumLabel(state.language, status) }) : t('harden2.map.focusItemNoState', params);
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
    this.map.getSource<GeoJSONSource>(SOURCE.fanLeaders)?.setData(fanLeaders(data));
    const fan = fanLayoutOf(data);
    // Feature names follow their marker where it is spread apart at close zoom (fan-out.ts).
    this.labels = createLabels(
      this.map,
      data,
      (id) => this.store.getState().selectProvince(id, { fly: true }),
      (id, position, zoom) => drawnPosition(position, fan.get(id), zoom),
      // Feature names win over place names: the places are laid out again around them.
      () => this.placeLabels?.refresh(),
    );
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
      this.store.getState().addMapNotice(OSM_TILES_FAILED);
      // The offline places and rivers come back under the failed tiles.
      this.showContext(true);
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
      // Not per search keystroke: the query filters nothing on the map.
      (st) => [visibilityFilters(st.filters), st.layers] as const,
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
    // The canvas is the map's focus stop; its name tells a screen-reader user how to use it.
    on((st) => st.language, (language) => this.map.getCanvas().setAttribute('aria-label', i18n.getFixedT(language)('harden2.map.keyboardHint')));
    on((st) => st.mapImageRequest, (request) => this.answerImageRequest(request));
    on((st) => st.baseLayer, (baseLayer) => this.map.setLayoutProperty(LAYER.osm, 'visibility', baseLayer === 'osm' ? 'visible' : 'none'));
    this.subscribeContext(on);
    on(
      (st) => [st.language, effectiveDay(st.filters)] as const,
      ([language, day]) => this.labels?.update(language as Language, day as string),
      (a, b) => a[0] === b[0] && a[1] === b[1],
    );
  }

  /**
   * Adds the context the first time the view reaches CONTEXT_MIN_ZOOM (not before: the overview of
   * the whole border on a laptop screen is at about 6.8, and must not pay for it).
   */
  private addContextWhenNeeded() {
    // Build-time switch for measuring what the context layers cost (`VITE_NO_CONTEXT=1 npm run bench`).
    if (import.meta.env.VITE_NO_CONTEXT) return;
    const check = () => {
      if (this.destroyed || this.map.getZoom() < CONTEXT_MIN_ZOOM) return;
      this.map.off('zoom', check);
      this.addContextLayers();
    };
    this.map.on('zoom', check);
    check();
  }

  /**
   * Context layers (places, rivers, province outlines; src/map/context.ts) go under the online
   * tiles, so OpenStreetMap replaces them when chosen; their names are DOM labels.
   */
  private addContextLayers() {
    const base = `${import.meta.env.BASE_URL}geo/`;
    const t = i18n.getFixedT(this.store.getState().language);
    for (const [id, source] of Object.entries(contextSources(base, t))) if (!this.map.getSource(id)) this.map.addSource(id, source);
    const before = this.map.getLayer(LAYER.osm) ? LAYER.osm : undefined;
    for (const layer of contextLayers()) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer, before);
    this.placeLabels = createPlaceLabels(this.map, this.store.getState().language, () => this.labels?.occupied() ?? []);
    // Added after the subscriptions started: give the layers the state those set.
    const state = this.store.getState();
    this.applyVietnamProvinceLines(effectiveDay(state.filters));
    this.showContext(state.baseLayer !== 'osm' || state.mapNotices.includes(OSM_TILES_FAILED));
  }

  /**
   * Credits in the UI language: each source's attribution is rewritten and the control re-made,
   * which reads them again (MapLibre shows a source's credit only while the source is in use).
   */
  private applyCredits(language: Language) {
    const t = i18n.getFixedT(language);
    const contextCredits = contextAttribution(t);
    const credits: Record<string, string> = {
      ...baseAttribution(t),
      [CONTEXT_SOURCE.places]: contextCredits.places,
      [CONTEXT_SOURCE.rivers]: contextCredits.rivers,
      [CONTEXT_SOURCE.admin]: contextCredits.admin,
    };
    for (const [id, text] of Object.entries(credits)) {
      const source = this.map.getSource(id) as { attribution?: string } | undefined;
      if (source) source.attribution = text;
    }
    this.map.removeControl(this.attribution);
    this.attribution = new maplibregl.AttributionControl({ compact: false });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  private applyVietnamProvinceLines(day: string) {
    if (this.map.getLayer(CONTEXT_LAYER.adminVn)) this.setFilterIfChanged(CONTEXT_LAYER.adminVn, vietnamProvinceLineFilter(day));
  }

  private subscribeContext(on: <T>(selector: (state: AppState) => T, listener: (value: T) => void) => void) {
    on((st) => st.language, (language) => this.placeLabels?.setLanguage(language));
    on((st) => st.language, (language) => this.applyCredits(language));
    // Vietnam's province lines as on the chosen day (the 2025 merger dissolved two of them).
    on((st) => effectiveDay(st.filters), (day) => this.applyVietnamProvinceLines(day));
    // Over the online map its own names are drawn: the offline context steps aside, unless the
    // online tiles failed.
    on((st) => st.baseLayer === 'osm', (online) => this.showContext(!online || this.store.getState().mapNotices.includes(OSM_TILES_FAILED)));
  }

  private showContext(show: boolean) {
    for (const id of Object.values(CONTEXT_LAYER)) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', show ? 'visible' : 'none');
    this.placeLabels?.setEnabled(show);
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
      this.setFilterIfChanged(mapLayerId, withFanZoom(idFilter(ids)));
    }
    this.setFilterIfChanged(LAYER.pairLinks, withFanZoom(pairLinkFilter(visibleSet, this.links)));
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
    if (!this.centredId || selection.kind !== 'feature' || selection.id !== this.centredId) return;
    if (this.map.isMoving()) {
      // The panel is a lazy chunk: its padding can arrive while the fly to the feature is under
      // way, so the fly ends centred for the old padding. Re-centre once the move ends.
      if (!this.recentrePending) {
        this.recentrePending = true;
        this.map.once('moveend', () => {
          this.recentrePending = false;
          this.keepCentred();
        });
      }
      return;
    }
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
      this.popup.setLngLat(drawnPosition(feature.geometry.coordinates as [number, number], fanLayoutOf(this.data).get(feature.properties.id), this.map.getZoom())).setText(displayName(feature.properties.names, language)).addTo(this.map);
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

  private lastImageRequest = 0;

  /**
   * Answers a picture request in the next frame: the WebGL drawing buffer is only readable
   * inside the render callback (the app does not keep it with preserveDrawingBuffer, which costs
   * every frame), so the PNG is read there. The DOM labels are not in the canvas; their text and
   * position go with the picture so the briefing and the PNG can draw them.
   */
  private answerImageRequest(request: { id: number } | null) {
    if (!request || request.id <= this.lastImageRequest) return;
    this.lastImageRequest = request.id;
    const { id } = request;
    this.map.once('render', () => {
      try {
        const canvas = this.map.getCanvas();
        const rect = canvas.getBoundingClientRect();
        const center = this.map.getCenter();
        const labels: MapImage['labels'] = [];
        for (const element of this.map.getContainer().querySelectorAll<HTMLElement>('.map-label')) {
          const box = element.getBoundingClientRect();
          const visible = box.width > 0 && getComputedStyle(element).visibility !== 'hidden' && getComputedStyle(element).display !== 'none' && !element.classList.contains('map-label--collided');
          if (!visible || !element.textContent) continue;
          const x = box.left + box.width / 2 - rect.left;
          const y = box.top + box.height / 2 - rect.top;
          if (x < 0 || y < 0 || x > rect.width || y > rect.height) continue;
          const kind = element.classList.contains('map-label--country') ? 'country' : element.classList.contains('map-label--province') ? 'province' : 'feature';
          labels.push({ text: element.textContent, x, y, kind });
        }
        this.store.getState().deliverMapImage({
          id,
          dataUrl: canvas.toDataURL('image/png'),
          width: rect.width,
          height: rect.height,
          pixelRatio: canvas.width / Math.max(1, rect.width),
          scale: scaleBar(center.lat, this.map.getZoom(), 120),
          labels,
          center: [center.lng, center.lat],
          zoom: this.map.getZoom(),
        });
      } catch (error) {
        this.store.getState().deliverMapImage({ id, error: (error as Error).message });
      }
    });
    this.map.triggerRepaint();
  }

  destroy() {
    this.destroyed = true;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.labels?.destroy();
    this.placeLabels?.destroy();
    this.popup.remove();
    this.map.getContainer().removeEventListener('keydown', this.onKeyDown, true);
    this.announcer.remove();
    this.map.remove();
    if (window.__map === this.map) delete window.__map;
  }
}
