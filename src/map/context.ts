/**
 * The offline context layers (issue 10): places, rivers and province outlines, built by
 * scripts/build-context.ts into public/geo/context-*.geojson. Pure: ids, sources and layers for
 * the adapter, no map instance (unit-tested in node).
 *
 * They are drawn-only data, so MapLibre fetches and parses them in its worker from their URLs:
 * no main-thread parse, nothing for the zod loaders to check beyond what the build guarantees.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, LineLayerSpecification, SourceSpecification } from 'maplibre-gl';

export const CONTEXT_SOURCE = {
  places: 'context-places',
  rivers: 'context-rivers',
  admin: 'context-admin',
} as const;

export const CONTEXT_LAYER = {
  admin: 'context-admin-lines',
  adminVn: 'context-admin-vn',
  rivers: 'context-rivers',
  places: 'context-places',
} as const;

export const RIVER_COLOR = '#5b9bd5';

/**
 * Past this zoom the offline map has nothing more to show (its places and rivers are 1:250,000
 * to 1:1,000,000 data): the map offers the online map.
 */
export const OFFLINE_DETAIL_MAX_ZOOM = 13;

/**
 * The context starts at this zoom: the overview of the whole border shows the border, the features
 * and the province names, and towns, rivers and province lines join from here on. Their sources
 * are fetched when the map first comes near it (the adapter), so the overview does not pay for
 * them (issue 10: at most 10 % of first idle; measured in README).
 */
export const CONTEXT_MIN_ZOOM = 7;

/** The map notice when the online tiles fail (the adapter adds it; the switch recognises it). */
export const OSM_TILES_FAILED = 'The online OpenStreetMap tiles could not be loaded; the offline basemap is shown instead.';

/** A translation function (i18next's `t`), so this module stays free of i18n state. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The context layers' credits in the UI language (dataset names and licences stay as published).
 * The links are fixed markup, never data: MapLibre writes attributions as HTML.
 */
export function contextAttribution(t: Translate): Record<'places' | 'rivers' | 'admin', string> {
  return {
    places: t('credits.places', { geonames: '<a href="https://www.geonames.org/">GeoNames</a>' }),
    rivers: t('credits.rivers'),
    admin: t('credits.admin', { odm: '<a href="https://opendevelopmentmekong.net/">Open Development Mekong</a>' }),
  };
}

/**
 * The zoom from which a place of each rank is drawn (and named): province seats from 6, district
 * and county seats from 8, other towns from 9, communes and townships from 10.
 */
export const PLACE_RANK_MIN_ZOOM: Record<number, number> = { 1: CONTEXT_MIN_ZOOM, 2: 8, 3: 9, 4: 10 };

/** Highest rank shown at the current zoom: a step on zoom, so places declutter by rank. */
export const placeRankFilter: ExpressionSpecification = [
  '<=',
  ['get', 'rank'],
  ['step', ['zoom'], 0, PLACE_RANK_MIN_ZOOM[1], 1, PLACE_RANK_MIN_ZOOM[2], 2, PLACE_RANK_MIN_ZOOM[3], 3, PLACE_RANK_MIN_ZOOM[4], 4],
];

/**
 * Vietnam's province lines on a day: the source's lines are those before the 1 July 2025 merger;
 * a line that the merger dissolved carries its last day (`validTo`) and is hidden after it.
 */
export function vietnamProvinceLineFilter(day: string): FilterSpecification {
  return ['all', ['==', ['get', 'country'], 'VN'], ['any', ['!', ['has', 'validTo']], ['<=', day, ['to-string', ['get', 'validTo']]]]];
}

const provinceLinePaint = (): LineLayerSpecification['paint'] => ({
  'line-color': '#9c8fb0',
  'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 12, 1.6],
  'line-dasharray': [3, 2],
});

export function contextSources(base: string, t: Translate): Record<string, SourceSpecification> {
  const attribution = contextAttribution(t);
  return {
    // Tiled only to these zooms (over-zoomed beyond): the sources are coarse, and fewer tile
    // levels cost the worker less.
    [CONTEXT_SOURCE.admin]: { type: 'geojson', data: `${base}context-admin.geojson`, maxzoom: 10, attribution: attribution.admin },
    [CONTEXT_SOURCE.rivers]: { type: 'geojson', data: `${base}context-rivers.geojson`, maxzoom: 12, attribution: attribution.rivers },
    [CONTEXT_SOURCE.places]: { type: 'geojson', data: `${base}context-places.geojson`, maxzoom: 10, attribution: attribution.places },
  };
}

/** Layers in drawing order; they go under the online tiles and the border. */
export function contextLayers(): LayerSpecification[] {
  return [
    {
      id: CONTEXT_LAYER.admin,
      type: 'line',
      source: CONTEXT_SOURCE.admin,
      minzoom: CONTEXT_MIN_ZOOM,
      // The Chinese outlines are coarse (DCW): closer in they would stray from the detailed border line.
      maxzoom: 11,
      filter: ['==', ['get', 'country'], 'CN'],
      paint: provinceLinePaint(),
    },
    {
      id: CONTEXT_LAYER.adminVn,
      type: 'line',
      source: CONTEXT_SOURCE.admin,
      minzoom: CONTEXT_MIN_ZOOM,
      // The Vietnamese lines are detailed (ODM, about 10 m after simplification): kept to zoom 15.
      maxzoom: 15,
      // Until the adapter sets the day's filter: the lines of today's provinces.
      filter: vietnamProvinceLineFilter(new Date().toISOString().slice(0, 10)),
      paint: provinceLinePaint(),
    },
    {
      id: CONTEXT_LAYER.rivers,
      type: 'line',
      source: CONTEXT_SOURCE.rivers,
      minzoom: CONTEXT_MIN_ZOOM,
      filter: ['>=', ['zoom'], ['get', 'minzoom']],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': RIVER_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, ['case', ['<=', ['get', 'level'], 2], 1.2, 0.6], 12, ['case', ['<=', ['get', 'level'], 2], 3, ['<=', ['get', 'level'], 3], 2, 1.2]],
      },
    },
    {
      id: CONTEXT_LAYER.places,
      type: 'circle',
      source: CONTEXT_SOURCE.places,
      minzoom: PLACE_RANK_MIN_ZOOM[1],
      filter: placeRankFilter,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, ['match', ['get', 'rank'], 1, 3, 2], 12, ['match', ['get', 'rank'], 1, 5, 2, 4, 3]],
        'circle-color': '#ffffff',
        'circle-stroke-color': '#444444',
        'circle-stroke-width': 1.2,
      },
    },
  ];
}
