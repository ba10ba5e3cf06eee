/** Reading and writing the files in public/geo, for the data scripts and tests (names from DATA_FILES). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { CURATED_FILES, DATA_FILES } from '../../src/data/files';
import type { RawFiles } from './validate';

export const GEO_DIR = 'public/geo';

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Writes JSON with one feature per line block: readable diffs, stable output. */
export function writeJson(path: string, value: unknown) {
  writeFileSync(path, JSON.stringify(value, null, 1) + '\n');
}

/** Every curated file as read from disk, not yet parsed (the validator parses). */
export function readRawFiles(dir = GEO_DIR): RawFiles {
  return Object.fromEntries(CURATED_FILES.map((name) => [name, readJson(`${dir}/${DATA_FILES[name].file}`)])) as RawFiles;
}

export function readBorder(): Feature<LineString> {
  const collection = readJson(`${GEO_DIR}/${DATA_FILES.border.file}`) as { features: Feature<LineString>[] };
  return collection.features[0];
}

export function readCountries(): Feature<Polygon | MultiPolygon, { a3: string }>[] {
  const basemap = readJson(`${GEO_DIR}/${DATA_FILES.basemap.file}`) as { features: Feature<Polygon | MultiPolygon, { a3: string }>[] };
  return basemap.features;
}
