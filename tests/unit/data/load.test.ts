import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAtlasData, type Fetcher } from '../../../src/data/load';

const GEO_DIR = fileURLToPath(new URL('../../../public/geo/', import.meta.url));
const BASE = '/geo/';

type Answer = { status: number; body: string } | 'network-error';

/** Serves the real files from public/geo; `overrides` replace the answer for a file name. */
function fakeFetcher(overrides: Record<string, Answer> = {}): Fetcher {
  return async (path) => {
    expect(path.startsWith(BASE)).toBe(true);
    const file = path.slice(BASE.length);
    const answer = overrides[file];
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    const { status, body } = answer ?? { status: 200, body: readFileSync(`${GEO_DIR}${file}`, 'utf8') };
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
}

const realGates = () => JSON.parse(readFileSync(`${GEO_DIR}gates.geojson`, 'utf8')) as { features: { properties: Record<string, unknown> }[] };

describe('loadAtlasData on the real files', () => {
  it('loads every layer with no problems', async () => {
    const { data, problems } = await loadAtlasData(fakeFetcher(), BASE);
    expect(problems).toEqual([]);
    const kinds = new Set(data.features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['commune', 'gate', 'market', 'opening', 'post']);
    expect(data.sources.size).toBeGreaterThan(0);
    expect(data.provinces.size).toBeGreaterThan(0);
    expect(data.border).not.toBeNull();
  });

  it('every source a feature cites is in the sources registry', async () => {
    const { data } = await loadAtlasData(fakeFetcher(), BASE);
    const missing = data.features.flatMap((f) => f.properties.sourceIds.filter((id) => !data.sources.has(id)).map((id) => `${f.properties.id}: ${id}`));
    expect(missing).toEqual([]);
  });
});

const invalidFeature = () => {
  const file = realGates();
  file.features[0].properties.kind = 'spaceship';
  return JSON.stringify(file);
};

describe('loadAtlasData with a broken gates.geojson', () => {
  it.each<[string, Answer, RegExp]>([
    ['malformed JSON', { status: 200, body: '{"type": "FeatureCollection", "features": [' }, /is not valid JSON/],
    ['HTTP 404', { status: 404, body: 'Not found' }, /HTTP 404/],
    ['an HTML page (SPA fallback)', { status: 200, body: '<!doctype html><html><body>app</body></html>' }, /web page/],
    ['a schema-invalid feature', { status: 200, body: invalidFeature() }, /does not match the schema: features\.0\.properties/],
    ['a network error', 'network-error', /could not be loaded \(Failed to fetch\)/],
  ])('%s: one problem naming gates.geojson, other layers still loaded', async (_name, answer, message) => {
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'gates.geojson': answer }), BASE);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe('gates.geojson');
    expect(problems[0].message).toMatch(message);
    const kinds = new Set(data.features.map((f) => f.properties.kind));
    expect(kinds.has('gate')).toBe(false);
    expect(kinds.has('opening') && kinds.has('market') && kinds.has('commune') && kinds.has('post')).toBe(true);
    expect(data.sources.size).toBeGreaterThan(0);
  });

  it('never throws even when every file fails', async () => {
    const everything = ['gates.geojson', 'openings.geojson', 'markets.geojson', 'communes.geojson', 'posts.geojson', 'sources.json', 'agreements.json', 'events.json', 'provinces.json', 'border.geojson', 'basemap.geojson'];
    const fetcher = fakeFetcher(Object.fromEntries(everything.map((f) => [f, 'network-error' as const])));
    const { data, problems } = await loadAtlasData(fetcher, BASE);
    expect(problems.map((p) => p.file).sort()).toEqual([...everything].sort());
    expect(data.features).toEqual([]);
    expect(data.border).toBeNull();
    expect(data.basemap).toBeNull();
  });

  it('reports a border file with no line, naming the file', async () => {
    const body = JSON.stringify({ type: 'FeatureCollection', meta: { dataset: 'border' }, features: [] });
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'border.geojson': { status: 200, body } }), BASE);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe('border.geojson');
    expect(problems[0].message).toMatch(/exactly one line/);
    expect(data.border).toBeNull();
    expect(data.features.length).toBeGreaterThan(100);
  });
});

const realBasemap = () => JSON.parse(readFileSync(`${GEO_DIR}basemap.geojson`, 'utf8')) as { features: { geometry: unknown }[] };

describe('loadAtlasData with a broken basemap.geojson', () => {
  it('loads the real basemap typed: country areas and labels', async () => {
    const { data } = await loadAtlasData(fakeFetcher(), BASE);
    expect(data.basemap?.features.some((f) => f.properties.a3 === 'VNM')).toBe(true);
    expect(data.basemap?.labels.map((l) => l.properties.name_en)).toContain('Vietnam');
  });

  it.each<[string, (file: ReturnType<typeof realBasemap>) => void, RegExp]>([
    [
      'string coordinates',
      (file) => {
        const geometry = file.features[3].geometry as { coordinates: unknown[][][] };
        geometry.coordinates[0][0] = ['105.1', '21.0'];
      },
      /features\.3\.geometry/,
    ],
    [
      'a null geometry',
      (file) => {
        file.features[5].geometry = null;
      },
      /features\.5\.geometry/,
    ],
  ])('%s: a problem naming basemap.geojson, the border and features still loaded', async (_name, breakIt, path) => {
    const file = realBasemap();
    breakIt(file);
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'basemap.geojson': { status: 200, body: JSON.stringify(file) } }), BASE);
    expect(problems.map((p) => p.file)).toEqual(['basemap.geojson']);
    expect(problems[0].message).toMatch(path);
    expect(data.basemap).toBeNull();
    expect(data.border?.lengthKm).toBeGreaterThan(1000);
    expect(data.features.length).toBeGreaterThan(100);
  });
});
