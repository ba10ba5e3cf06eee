import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { gcj02ToWgs84, placeFromAdcode, placeFromAnchor, rankOfFeatureCode, sharedEdges, wgs84ToGcj02, type Topology } from '../../scripts/lib/context-geometry';
import { vietnamProvinceLineFilter } from '../../src/map/context';
import { estimateTextWidth, placeLabels, labelBox, placeName } from '../../src/map/place-labels';

describe('GCJ-02 conversion', () => {
  it('inverts the forward transform to well under a metre', () => {
    const wgs = [103.95869, 22.51265];
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(Math.abs(back[0] - wgs[0]) * 103_000).toBeLessThan(0.5);
    expect(Math.abs(back[1] - wgs[1]) * 110_000).toBeLessThan(0.5);
  });
  it('moves points by the few hundred metres the datum shifts them here', () => {
    const [x, y] = wgs84ToGcj02([103.95869, 22.51265]);
    const metres = Math.hypot((x - 103.95869) * 103_000, (y - 22.51265) * 110_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });
});

describe('place rows', () => {
  it('ranks province, district and township seats', () => {
    expect(rankOfFeatureCode('PPLA', 0)).toBe(1);
    expect(rankOfFeatureCode('PPLA2', 0)).toBe(2);
    expect(rankOfFeatureCode('PPLA3', 0)).toBe(3);
    expect(rankOfFeatureCode('PPL', 800)).toBe(4);
  });
  it('reads commune anchors and skips gates and districts', () => {
    expect(placeFromAnchor({ name: 'Jinshuihe town (金水河镇, Jinping)', lng: 103.2, lat: 22.6 }, 'CN')?.properties).toMatchObject({ name_zh: '金水河镇', name_en: 'Jinshuihe town' });
    expect(placeFromAnchor({ name: 'Hoành Mô commune (Quảng Ninh)', lng: 107.5, lat: 21.6 }, 'VN')?.properties).toMatchObject({ name_vi: 'Hoành Mô' });
    expect(placeFromAnchor({ name: 'Hà Quảng district', lng: 106, lat: 22.9 }, 'VN')).toBeNull();
    expect(placeFromAnchor({ name: 'Lào Cai railway station', lng: 103.97, lat: 22.5 }, 'VN')).toBeNull();
  });
  it('names a Chinese township in pinyin without its ethnic qualifiers', () => {
    const place = placeFromAdcode('532532202000,532532000000,桥头苗族壮族乡,town,104.127109,22.868295', () => 'qiaotou');
    expect(place?.properties).toMatchObject({ name_zh: '桥头苗族壮族乡', name_en: 'Qiaotou township', country: 'CN', rank: 4 });
  });
});

describe('place labels', () => {
  const props = { id: 'x', name_vi: 'Lào Cai', name_zh: '老街市', name_en: 'Lào Cai', country: 'VN', rank: 1 };
  it('picks the name for the interface language, keeping diacritics in English', () => {
    expect(placeName(props, 'zh')).toBe('老街市');
    expect(placeName(props, 'en')).toBe('Lào Cai');
    expect(placeName({ ...props, name_zh: '' }, 'zh')).toBe('Lào Cai');
  });
  it('counts Chinese characters wider than Latin letters', () => {
    expect(estimateTextWidth('河口镇')).toBeGreaterThan(estimateTextWidth('abc'));
  });
  it('drops a label that would overlap a placed one and keeps labels in view only', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, y: 100, width: 60 },
        { id: 'b', x: 110, y: 102, width: 60 },
        { id: 'c', x: 100, y: 200, width: 60 },
        { id: 'off', x: -50, y: 100, width: 60 },
      ],
      { width: 400, height: 300 },
    );
    // b fits on the left of its dot; off is outside the view.
    expect(placed.map((p) => [p.id, p.side])).toEqual([['a', 'right'], ['b', 'left'], ['c', 'right']]);
  });
  it('yields to the names of markers: another side of its dot, or no label where every side is taken', () => {
    // A marker's name across the dot's row (both sides taken).
    const row = { left: 0, right: 400, top: 99, bottom: 106 };
    const placed = placeLabels([{ id: 'a', x: 200, y: 100, width: 60 }], { width: 400, height: 300 }, [row]);
    expect(placed.map((p) => p.side)).toEqual(['above']);
    expect(labelBox(200, 100, 60, 'above').bottom).toBeLessThanOrEqual(row.top);
    const everywhere = { left: 0, right: 400, top: 60, bottom: 140 };
    expect(placeLabels([{ id: 'a', x: 200, y: 100, width: 60 }], { width: 400, height: 300 }, [everywhere])).toEqual([]);
  });
});

describe('province lines', () => {
  it('keeps the edges two polygons share and leaves out the outer edge', () => {
    // Two unit squares side by side (quantized, delta-encoded): arc 0 is their shared edge.
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [100, 20] },
      arcs: [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]],
      ],
      objects: {
        p: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1]], properties: { name: 'West' } },
            { type: 'Polygon', arcs: [[2, ~0]], properties: { name: 'East' } },
          ],
        },
      },
    };
    const edges = sharedEdges(topology, 'p', (a, b) => ({ between: [a.name, b.name] }));
    expect(edges).toEqual([{ properties: { between: ['West', 'East'] }, coordinates: [[101, 20], [101, 21]] }]);
    expect(sharedEdges(topology, 'p', () => null)).toEqual([]);
  });

  it('shows a line the 2025 merger dissolved up to its last day only', () => {
    const evaluate = (day: string, properties: Record<string, string>) =>
      featureFilter(vietnamProvinceLineFilter(day) as never, 'layers[0].filter').filter({ zoom: 8 } as never, { type: 2, properties } as never);
    const dissolved = { country: 'VN', validTo: '2025-06-30' };
    expect(evaluate('2025-06-30', dissolved)).toBe(true);
    expect(evaluate('2025-07-01', dissolved)).toBe(false);
    expect(evaluate('2026-11-30', { country: 'VN' })).toBe(true);
    expect(evaluate('2020-01-01', { country: 'CN' })).toBe(false);
  });
});
