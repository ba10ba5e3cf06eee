// One-off curation step: merges the helpers' fragment files into public/geo (then the fragments
// are deleted; public/geo is the curated source from then on).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const today = '2026-11-23';
const layers = ['gates', 'openings', 'markets', 'communes', 'posts'] as const;
const out: Record<string, unknown[]> = Object.fromEntries(layers.map((l) => [l, []]));
for (const part of ['west', 'east']) {
  const file = `data-src/features-${part}.json`;
  if (!existsSync(file)) continue;
  const fragment = JSON.parse(readFileSync(file, 'utf8'));
  for (const l of layers) out[l].push(...(fragment[l] ?? []));
}
for (const l of layers) {
  const features = (out[l] as { properties: { id: string }; geometry: { coordinates: number[] } }[]).map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties }));
  writeFileSync(`public/geo/${l}.geojson`, JSON.stringify({ type: 'FeatureCollection', meta: { dataset: l, schemaVersion: 1, updated: today }, features }, null, 1) + '\n');
  console.log(l, features.length);
}
const sources = JSON.parse(readFileSync('public/geo/sources.json', 'utf8'));
const have = new Set(sources.sources.map((s: { id: string }) => s.id));
for (const part of ['west', 'east', 'registry']) {
  const file = `data-src/sources-extra-${part}.json`;
  if (!existsSync(file)) continue;
  for (const s of JSON.parse(readFileSync(file, 'utf8'))) if (!have.has(s.id)) { sources.sources.push(s); have.add(s.id); }
}
writeFileSync('public/geo/sources.json', JSON.stringify(sources, null, 1) + '\n');
console.log('sources', sources.sources.length);
