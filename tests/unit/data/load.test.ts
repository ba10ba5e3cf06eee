import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlasData, type Fetcher, type LoadProblem } from '../../../src/data/load';
import { buildSearchIndex } from '../../../src/data/search-index';
import { i18n, loadLanguage } from '../../../src/i18n';

// Vietnamese and Chinese strings are lazy chunks in the app.
beforeAll(() => Promise.all([loadLanguage('vi'), loadLanguage('zh')]));
import { loadProblemText } from '../../../src/lib/problems';

/** The banner's sentence for a problem, in a language. */
const sentence = (problem: LoadProblem, language = 'en') => loadProblemText(problem, i18n.getFixedT(language));

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

const invalidEnvelope = () => {
  const file = realGates() as unknown as { meta: { dataset: string } };
  file.meta.dataset = 'spaceships';
  return JSON.stringify(file);
};

describe('loadAtlasData with a broken gates.geojson', () => {
  it.each<[string, Answer, RegExp]>([
    ['malformed JSON', { status: 200, body: '{"type": "FeatureCollection", "features": [' }, /is not valid JSON/],
    ['HTTP 404', { status: 404, body: 'Not found' }, /HTTP 404/],
    ['an HTML page (SPA fallback)', { status: 200, body: '<!doctype html><html><body>app</body></html>' }, /web page/],
    ['a file whose envelope does not match the schema', { status: 200, body: invalidEnvelope() }, /does not match the schema: meta\.dataset.*That layer is not shown/],
    ['a network error', 'network-error', /could not be loaded \(Failed to fetch\)/],
  ])('%s: one problem naming gates.geojson, other layers still loaded', async (_name, answer, message) => {
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'gates.geojson': answer }), BASE);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe('gates.geojson');
    expect(sentence(problems[0])).toMatch(message);
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
    expect(sentence(problems[0])).toMatch(/exactly one line/);
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
    expect(sentence(problems[0])).toMatch(path);
    expect(sentence(problems[0])).not.toMatch(/layer/);
    expect(data.basemap).toBeNull();
    expect(data.border?.lengthKm).toBeGreaterThan(1000);
    expect(data.features.length).toBeGreaterThan(100);
  });
});

type RawFeature = { geometry: { coordinates: unknown[] }; properties: Record<string, unknown> & { statusHistory?: { date: string }[] } };
const gatesWith = (breakIt: (features: RawFeature[]) => void) => {
  const file = realGates() as unknown as { features: RawFeature[] };
  breakIt(file.features);
  return { 'gates.geojson': { status: 200, body: JSON.stringify(file) } };
};
const gateCount = () => (realGates().features as unknown[]).length;
const gatesOf = (features: { properties: { kind: string } }[]) => features.filter((f) => f.properties.kind === 'gate');

describe('a bad record costs one record', () => {
  it('one string coordinate drops that gate only, and the banner names the file, the gate and the field', async () => {
    const total = gateCount();
    const victim = realGates().features[7].properties.id as string;
    const { data, problems } = await loadAtlasData(
      fakeFetcher(gatesWith((f) => (f[7].geometry.coordinates = ['105.1', '21.0']))),
      BASE,
    );
    expect(gatesOf(data.features)).toHaveLength(total - 1);
    expect(data.byId.has(victim)).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'gates.geojson', record: victim, reason: 'record' });
    expect(sentence(problems[0])).toMatch(new RegExp(`^gates\\.geojson, record ${victim}: geometry\\.coordinates\\.0: .*This record is left out`));
    expect(sentence(problems[0])).not.toMatch(/layer is not shown/);
  });

  it('one impossible date drops that gate only', async () => {
    const { data, problems } = await loadAtlasData(
      fakeFetcher(gatesWith((f) => (f[2].properties.statusHistory![0].date = '2020-13-45'))),
      BASE,
    );
    expect(gatesOf(data.features)).toHaveLength(gateCount() - 1);
    expect(problems.map((p) => p.reason)).toEqual(['record']);
    expect(problems[0].detail).toMatch(/statusHistory\.0\.date/);
  });

  it('a record without a readable id is named by its index', async () => {
    const { problems } = await loadAtlasData(fakeFetcher(gatesWith((f) => delete f[4].properties.id)), BASE);
    expect(problems.map((p) => p.record)).toEqual(['#4']);
  });

  it('one javascript: URL drops that source only; every other citation keeps its title', async () => {
    const sources = JSON.parse(readFileSync(`${GEO_DIR}sources.json`, 'utf8')) as { sources: { id: string; url?: string }[] };
    const total = sources.sources.length;
    sources.sources[3].url = 'javascript:alert(1)';
    const victim = sources.sources[3].id;
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'sources.json': { status: 200, body: JSON.stringify(sources) } }), BASE);
    expect(data.sources.size).toBe(total - 1);
    expect(data.sources.has(victim)).toBe(false);
    expect(problems).toHaveLength(1);
    expect(sentence(problems[0])).toMatch(new RegExp(`^sources\\.json, record ${victim}: url: urls are http\\(s\\)`));
    expect(sentence(problems[0])).not.toMatch(/layer/);
  });

  it('a duplicated id in one file is reported, the first record kept, and the search index still builds', async () => {
    const first = realGates().features[0].properties.id as string;
    const { data, problems } = await loadAtlasData(fakeFetcher(gatesWith((f) => (f[5].properties.id = first))), BASE);
    expect(problems).toEqual([{ file: 'gates.geojson', record: first, reason: 'duplicate', detail: 'gates.geojson', layer: false }]);
    expect(gatesOf(data.features)).toHaveLength(gateCount() - 1);
    expect(new Set(data.features.map((f) => f.properties.id)).size).toBe(data.features.length);
    const index = buildSearchIndex(data.features, [...data.provinces.values()]);
    expect(index.search('Lào Cai').length).toBeGreaterThan(0);
  });

  it('an id shared by a market and a gate keeps the gate and names both files, in the UI language', async () => {
    const gateId = realGates().features[0].properties.id as string;
    const markets = JSON.parse(readFileSync(`${GEO_DIR}markets.geojson`, 'utf8')) as { features: RawFeature[] };
    markets.features[0].properties.id = gateId;
    const { data, problems } = await loadAtlasData(fakeFetcher({ 'markets.geojson': { status: 200, body: JSON.stringify(markets) } }), BASE);
    expect(data.byId.get(gateId)?.properties.kind).toBe('gate');
    expect(problems).toHaveLength(1);
    expect(sentence(problems[0])).toBe(`markets.geojson, record ${gateId}: the id is already used in gates.geojson. This copy is left out.`);
    expect(sentence(problems[0], 'vi')).toBe(`markets.geojson, bản ghi ${gateId}: mã này đã được dùng trong gates.geojson. Bản sao này bị bỏ qua.`);
  });

  it('events, agreements and provinces degrade the same way', async () => {
    const read = (f: string) => JSON.parse(readFileSync(`${GEO_DIR}${f}`, 'utf8')) as Record<string, { id: string; date?: string; title?: unknown; names?: unknown }[]>;
    const events = read('events.json');
    const agreements = read('agreements.json');
    const provinces = read('provinces.json');
    const counts = [events.events.length, agreements.agreements.length, provinces.provinces.length];
    events.events[1].date = 'yesterday';
    agreements.agreements[0].title = 42;
    provinces.provinces[2].names = {};
    const body = (v: unknown) => ({ status: 200, body: JSON.stringify(v) });
    const { data, problems } = await loadAtlasData(
      fakeFetcher({ 'events.json': body(events), 'agreements.json': body(agreements), 'provinces.json': body(provinces) }),
      BASE,
    );
    expect([data.events.length, data.agreements.length, data.provinces.size]).toEqual([counts[0] - 1, counts[1] - 1, counts[2] - 1]);
    expect(problems.map((p) => [p.file, p.record])).toEqual([
      ['agreements.json', agreements.agreements[0].id],
      ['events.json', events.events[1].id],
      ['provinces.json', provinces.provinces[2].id],
    ]);
  });
});
