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
    const everything = ['gates.geojson', 'openings.geojson', 'markets.geojson', 'communes.geojson', 'posts.geojson', 'sources.json', 'agreements.json', 'events.json', 'provinces.json', 'border.geojson'];
    const fetcher = fakeFetcher(Object.fromEntries(everything.map((f) => [f, 'network-error' as const])));
    const { data, problems } = await loadAtlasData(fetcher, BASE);
    expect(problems.map((p) => p.file).sort()).toEqual([...everything].sort());
    expect(data.features).toEqual([]);
    expect(data.border).toBeNull();
  });

  it('reports a border file with no line', async () => {
    const { problems } = await loadAtlasData(fakeFetcher({ 'border.geojson': { status: 200, body: '{"type":"FeatureCollection","features":[]}' } }), BASE);
    expect(problems).toEqual([{ file: 'border.geojson', message: 'has no border line' }]);
  });
});
