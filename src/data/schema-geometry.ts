/**
 * zod schemas for the two generated geometry files, public/geo/border.geojson and
 * basemap.geojson (made by scripts/build-border.ts). The loader parses them like every other
 * file, so a broken one becomes a problem naming the file rather than a blank or crashing map.
 *
 * Coordinates are checked by one loop per ring rather than a zod object per position: the basemap
 * has ~36,000 positions and this runs while the map starts.
 */
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { z } from 'zod';

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    value[0] >= -180 &&
    value[0] <= 180 &&
    value[1] >= -90 &&
    value[1] <= 90
  );
}

/** A list of at least `min` [lng, lat] positions, numbers in range. */
const positions = (min: number) =>
  z.custom<Position[]>(
    (value) => Array.isArray(value) && value.length >= min && value.every(isPosition),
    `needs at least ${min} [longitude, latitude] positions, as numbers in range`,
  );

const LineStringGeometry = z.object({ type: z.literal('LineString'), coordinates: positions(2) });
const PolygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(positions(4)).min(1) });
const MultiPolygonGeometry = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(positions(4)).min(1)).min(1) });

export const BorderProperties = z
  .object({
    name: z.string(),
    source: z.string(),
    licence: z.string(),
    attribution: z.string(),
    lengthKm: z.number().positive(),
    officialLengthKm: z.number().positive(),
  })
  .passthrough();

export const BorderFile = z.object({
  type: z.literal('FeatureCollection'),
  meta: z.object({ dataset: z.literal('border') }).passthrough(),
  features: z
    .array(z.object({ type: z.literal('Feature'), properties: BorderProperties, geometry: LineStringGeometry }))
    .length(1, 'the border file holds exactly one line'),
});

/** A country polygon (a3 VNM, CHN, …), a river-gap fill (a3 GAP) or the no-data frame (a3 NODATA). */
export const BasemapArea = z.object({
  type: z.literal('Feature'),
  properties: z.object({ a3: z.string().min(1) }).passthrough(),
  geometry: z.union([PolygonGeometry, MultiPolygonGeometry]),
});

export const CountryLabel = z.object({
  type: z.literal('Feature'),
  properties: z.object({ a3: z.string().min(1), name_en: z.string(), name_vi: z.string(), name_zh: z.string() }).passthrough(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.custom<[number, number]>(isPosition, 'a [longitude, latitude] position') }),
});

export const BasemapFile = z.object({
  type: z.literal('FeatureCollection'),
  meta: z.object({ dataset: z.literal('basemap') }).passthrough(),
  features: z.array(BasemapArea).min(1),
  labels: z.array(CountryLabel),
});

export type BorderFile = z.infer<typeof BorderFile>;
export type BasemapFile = z.infer<typeof BasemapFile>;
export type BasemapArea = Feature<Polygon | MultiPolygon, { a3: string }>;
export type CountryLabel = Feature<Point, { a3: string; name_en: string; name_vi: string; name_zh: string }>;
export type BorderLine = Feature<LineString, z.infer<typeof BorderProperties>>;
