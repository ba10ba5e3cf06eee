/**
 * The context layers (issue 10): the committed places are exactly what scripts/build-context.ts
 * makes from its inputs, and the committed rivers and outlines have the shape the map expects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaces, buildVietnamProvinceLines } from '../../scripts/build-context';

const read = (name: string) => JSON.parse(readFileSync(`public/geo/${name}`, 'utf8'));

describe('context layers', () => {
  it('places are reproduced exactly by the build script', { timeout: 60_000 }, () => {
    expect(JSON.parse(JSON.stringify(buildPlaces()))).toEqual(read('context-places.geojson'));
  });

  it('places carry names a planner reads at the busy crossings, in Vietnamese and Chinese', () => {
    const places = read('context-places.geojson').features.map((f: { properties: Record<string, string> }) => f.properties);
    const byVi = new Map(places.map((p: Record<string, string>) => [p.name_vi, p]));
    expect(byVi.get('Lào Cai')).toMatchObject({ country: 'VN', rank: 1, name_zh: '老街市' });
    expect(byVi.get('Móng Cái')).toMatchObject({ country: 'VN' });
    expect(places.find((p: Record<string, string>) => p.name_en === 'Dongxing')).toMatchObject({ country: 'CN', name_zh: '东兴镇' });
    expect(places.find((p: Record<string, string>) => p.name_zh === '河口镇')).toMatchObject({ country: 'CN', name_en: 'Hekou town' });
    for (const p of places) expect([1, 2, 3, 4]).toContain(p.rank);
  });

  it('Vietnamese province lines are reproduced exactly by the build script, the merged ones ending on 30 June 2025', () => {
    const committed = read('context-admin.geojson').features.filter((f: { properties: { country: string } }) => f.properties.country === 'VN');
    expect(JSON.parse(JSON.stringify(buildVietnamProvinceLines().features))).toEqual(committed);
    const ended = committed.filter((f: { properties: { validTo?: string } }) => f.properties.validTo).map((f: { properties: { between: string[]; validTo: string } }) => `${f.properties.between.join('–')} ${f.properties.validTo}`);
    expect(new Set(ended)).toEqual(new Set(['Hà Giang–Tuyên Quang 2025-06-30', 'Lào Cai–Yên Bái 2025-06-30']));
    // The lines of the border provinces with their inland neighbours are there, e.g. Cao Bằng–Lạng Sơn.
    expect(committed.some((f: { properties: { between: string[] } }) => f.properties.between.join('–') === 'Cao Bằng–Lạng Sơn')).toBe(true);
  });

  it('rivers are ranked lines inside the region', () => {
    const rivers = read('context-rivers.geojson');
    expect(rivers.features.length).toBeGreaterThan(50);
    for (const f of rivers.features) {
      expect(f.geometry.type).toBe('LineString');
      expect([6, 8, 10]).toContain(f.properties.minzoom);
      for (const [x, y] of f.geometry.coordinates) {
        expect(x).toBeGreaterThanOrEqual(101.9);
        expect(x).toBeLessThanOrEqual(108.4);
        expect(y).toBeGreaterThanOrEqual(20.9);
        expect(y).toBeLessThanOrEqual(23.95);
      }
    }
  });
});
