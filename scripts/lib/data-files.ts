/** Reading and writing the curated files in public/geo, for the data scripts and tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';

export const GEO_DIR = 'public/geo';
export const FEATURE_FILES = ['gates', 'openings', 'markets', 'communes', 'posts'] as const;
export type FeatureFileName = (typeof FEATURE_FILES)[number];

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Writes JSON with one feature per line block: readable diffs, stable output. */
export function writeJson(path: string, value: unknown) {
  writeFileSync(path, JSON.stringify(value, null, 1) + '\n');
}

export function readBorder(): Feature<LineString> {
  const collection = readJson(`${GEO_DIR}/border.geojson`) as { features: Feature<LineString>[] };
  return collection.features[0];
}

export function readCountries(): Feature<Polygon | MultiPolygon, { a3: string }>[] {
  const basemap = readJson(`${GEO_DIR}/basemap.geojson`) as { features: Feature<Polygon | MultiPolygon, { a3: string }>[] };
  return basemap.features;
}
