/**
 * The bare MapLibre page both benchmarks compare the app with (bench/run.ts, bench/scale.ts): a
 * background, a fill for the basemap, a line for the border and one circle layer per point file,
 * every source a GeoJSON URL, the app's opening camera (the border's bbox, 40 px padding). It
 * marks 'bare:first-idle' at its first idle.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILES } from '../src/data/files';
import { KINDS } from '../src/data/kinds';
import { LAYER_COLORS } from '../src/map/style';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The point files the bare page draws, one circle layer per kind, named by its layer id. */
export const POINT_FILES = KINDS.map((k) => ({ id: k.layer, file: k.file }));

export function borderBounds(): [[number, number], [number, number]] {
  const border = JSON.parse(readFileSync(join(ROOT, 'public/geo', DATA_FILES.border.file), 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) for (const child of c) visit(child);
  };
  for (const f of border.features) visit(f.geometry.coordinates);
  return [[w, s], [e, n]];
}

/** The page; `assets` is the URL prefix under which maplibre-gl's ESM build, worker and CSS are served. */
export function barePageHtml(assets: string): string {
  const config = { bounds: borderBounds(), border: DATA_FILES.border.file, basemap: DATA_FILES.basemap.file, points: POINT_FILES.map(({ id, file }) => ({ id, file, color: LAYER_COLORS[id] })) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bare MapLibre</title>
<link rel="stylesheet" href="${assets}maplibre-gl.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import * as maplibregl from '${assets}maplibre-gl.mjs';
maplibregl.setWorkerUrl('${assets}maplibre-gl-worker.mjs');
const config = ${JSON.stringify(config)};
const url = (file) => location.origin + '/geo/' + file;
const sources = { basemap: { type: 'geojson', data: url(config.basemap) }, border: { type: 'geojson', data: url(config.border) } };
for (const p of config.points) sources[p.id] = { type: 'geojson', data: url(p.file) };
const layers = [
  { id: 'background', type: 'background', paint: { 'background-color': '#c9dfee' } },
  { id: 'basemap', type: 'fill', source: 'basemap', paint: { 'fill-color': '#f7f2e2' } },
  { id: 'border', type: 'line', source: 'border', paint: { 'line-color': '#d7263d', 'line-width': 2.5 } },
  ...config.points.map((p) => ({ id: p.id, type: 'circle', source: p.id, paint: { 'circle-color': p.color, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } })),
];
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources, layers }, bounds: config.bounds, fitBoundsOptions: { padding: 40 } });
window.__map = map;
map.once('load', () => map.once('idle', () => performance.mark('bare:first-idle')));
</script>
</body>
</html>
`;
}
