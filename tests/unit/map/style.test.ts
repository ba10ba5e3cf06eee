import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../../src/data/model';
import { DEFAULT_LAYERS } from '../../../src/state/slices/layers';
import { LAYER, SOURCE, buildStyle, layerCollection, pairLinkList, pairLinks } from '../../../src/map/style';
import { makeData, makeFeature } from '../../fixtures/factories';

// Tests read the style as plain data (only src/map/** may import maplibre-gl, types included).
interface GeoJsonSource {
  type: string;
  data: unknown;
  promoteId?: string;
}
const geojsonSource = (s: { sources: Record<string, unknown> }, id: string) => s.sources[id] as GeoJsonSource;
const layoutOf = (s: { layers: { id: string }[] }, id: string) =>
  (s.layers.find((l) => l.id === id) as { layout?: { visibility?: string } } | undefined)?.layout;

function fixtureData() {
  return makeData([
    makeFeature({ id: 'alpha-vn', side: 'VN', pairId: 'alpha', coordinates: [104, 22.5] }),
    makeFeature({ id: 'alpha-cn', side: 'CN', pairId: 'alpha', coordinates: [104.01, 22.51] }),
    makeFeature({ id: 'alpha-opening-vn', kind: 'opening', side: 'VN', precision: 'estimated-commune' }),
    makeFeature({ id: 'beta-market-vn', kind: 'market' }),
    makeFeature({ id: 'gamma-commune-vn', kind: 'commune' }),
    makeFeature({ id: 'delta-post-cn', kind: 'post', side: 'CN' }),
  ]);
}

const style = buildStyle(fixtureData(), { osmVisible: false, layers: DEFAULT_LAYERS });

describe('buildStyle', () => {
  it('has the border, basemap and one feature source per layer', () => {
    expect(Object.keys(style.sources)).toEqual(
      expect.arrayContaining(['border', 'basemap', 'features-gates', 'features-openings', 'features-markets', 'features-communes', 'features-posts']),
    );
  });

  it('promotes the string id on every point source', () => {
    for (const layer of LAYER_IDS) {
      expect(geojsonSource(style, SOURCE[layer]).promoteId).toBe('id');
    }
  });

  it('points every layer at a source the style defines', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('gives every layer a unique id', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('needs no glyphs: symbol layers draw icons only, never text', () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol') as unknown as { layout?: Record<string, unknown> }[];
    expect(symbols.length).toBeGreaterThan(0);
    for (const layer of symbols) {
      expect(layer.layout?.['text-field']).toBeUndefined();
      expect(String(layer.layout?.['icon-image'])).toMatch(/^atlas-shape-/);
    }
    expect(style.glyphs).toBeUndefined();
  });

  it('hides the layers that are off and only those', () => {
    const hidden = buildStyle(fixtureData(), { osmVisible: false, layers: { ...DEFAULT_LAYERS, markets: false, posts: false } });
    const visibility = (id: string) => layoutOf(hidden, id)?.visibility;
    expect(visibility(LAYER.markets)).toBe('none');
    expect(visibility(LAYER.posts)).toBe('none');
    expect(visibility(LAYER.gates)).not.toBe('none');
    expect(visibility(LAYER.communes)).not.toBe('none');
  });

  it('hides the online OSM layer unless asked for', () => {
    expect(layoutOf(style, LAYER.osm)?.visibility).toBe('none');
    expect(layoutOf(buildStyle(fixtureData(), { osmVisible: true, layers: DEFAULT_LAYERS }), LAYER.osm)?.visibility).toBe('visible');
  });

  it('puts each feature in the source of its own layer', () => {
    const ids = (layer: (typeof LAYER_IDS)[number]) =>
      (geojsonSource(style, SOURCE[layer]).data as ReturnType<typeof layerCollection>).features.filter((f) => f.properties.fz === 0).map((f) => f.properties.id);
    expect(ids('gates')).toEqual(['alpha-vn', 'alpha-cn']);
    expect(ids('openings')).toEqual(['alpha-opening-vn']);
    expect(ids('markets')).toEqual(['beta-market-vn']);
    expect(ids('communes')).toEqual(['gamma-commune-vn']);
    expect(ids('posts')).toEqual(['delta-post-cn']);
  });
});

describe('layerCollection', () => {
  it('flattens the properties expressions read, including the position precision', () => {
    const [opening] = layerCollection(fixtureData(), 'openings').features;
    // fz/tz: the zooms this copy is drawn at (the fixture's points share a spot, so it is spread from 13).
    expect(opening.properties).toEqual({ id: 'alpha-opening-vn', side: 'VN', precision: 'estimated-commune', pairId: '', kind: 'opening', class: 'main', fz: 0, tz: 13 });
  });
});

describe('pairLinks', () => {
  it('joins the VN and CN members of a pair with one line', () => {
    const links = pairLinks(fixtureData()).features;
    expect(links).toHaveLength(1);
    expect(links[0].properties.id).toBe('alpha-vn--alpha-cn');
    expect(links[0].geometry.coordinates).toEqual([
      [104, 22.5],
      [104.01, 22.51],
    ]);
  });

  it('names both ends of each link explicitly (VN first)', () => {
    expect(pairLinkList(fixtureData().features)).toEqual([{ id: 'alpha-vn--alpha-cn', pairId: 'alpha', ends: ['alpha-vn', 'alpha-cn'] }]);
  });
});

describe('river-gap fills', () => {
  it('are drawn in a neutral land tint, not in either country\'s', () => {
    const gaps = style.layers.find((l) => l.id === LAYER.gaps) as { paint: { 'fill-color': string } };
    const land = JSON.stringify((style.layers.find((l) => l.id === LAYER.land) as { paint: unknown }).paint);
    expect(gaps.paint['fill-color']).toMatch(/^#[0-9a-f]{6}$/);
    // Neither Vietnam's nor China's fill colour.
    expect(land).not.toContain(gaps.paint['fill-color']);
  });
});
