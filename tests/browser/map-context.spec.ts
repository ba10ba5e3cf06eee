/**
 * Issue 10: a map a planner can find their way on. Context layers (places and rivers) at five
 * crossings, markers that never share a pixel, and the OpenStreetMap switch with its fallback.
 * Screenshots land in test-results/screenshots — look at them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession } from './session';
import { CONTEXT_LAYER } from '../../src/map/context';
import { DATA_FILES } from '../../src/data/files';
import { KINDS } from '../../src/data/kinds';

const start = browserSession();

/** Every point feature of the data as it is now (positions change as the data is re-checked). */
const POINTS = KINDS.flatMap(({ layer }) =>
  (JSON.parse(readFileSync(`public/geo/${DATA_FILES[layer].file}`, 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }).features.map((f) => ({
    id: f.properties.id,
    at: f.geometry.coordinates,
  })),
);
const positionOf = (id: string) => {
  const point = POINTS.find((p) => p.id === id);
  if (!point) throw new Error(`${id} is not in the data`);
  return point.at;
};
const metres = (a: [number, number], b: [number, number]) => Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_540);

/**
 * The most crowded spots of the data: points with the most features within 250 m, at least 2 km
 * apart from each other, at least `min` features each. Derived, not hard-coded, so the check
 * follows the positions when they move.
 */
function crowdedSpots(count: number, min = 4): { at: [number, number]; ids: string[] }[] {
  const ranked = POINTS.map((p) => ({ at: p.at, ids: POINTS.filter((q) => metres(p.at, q.at) < 250).map((q) => q.id) })).sort((a, b) => b.ids.length - a.ids.length || a.ids[0].localeCompare(b.ids[0]));
  const spots: { at: [number, number]; ids: string[] }[] = [];
  for (const spot of ranked) if (spot.ids.length >= min && spots.length < count && spots.every((s) => metres(s.at, spot.at) > 2000)) spots.push(spot);
  return spots;
}

/**
 * Five busy crossings at zoom 12, centred on the Vietnamese gate where the data puts it, and the
 * names a planner expects there: towns from GeoNames and townships from the adcode list (not the
 * data's own anchors, which move with the positions).
 */
// Rivers: WDBII has none within the zoom-12 view at Hữu Nghị (a mountain pass; the nearest is 11 km south).
const CROSSINGS: { gate: string; expect: string[]; rivers?: false }[] = [
  // GeoNames' own name for Đồng Đăng township (the data's "Đồng Đăng township" anchor was dropped
  // on 30 Nov 2026 when the freight route moved to Tân Thanh).
  { gate: 'huu-nghi-youyiguan-vn', expect: ['Thị Trấn Đồng Đăng'], rivers: false },
  { gate: 'lao-cai-hekou-vn', expect: ['Lào Cai', 'Hekou'] },
  { gate: 'mong-cai-dongxing-vn', expect: ['Móng Cái', 'Dongxing'] },
  { gate: 'thanh-thuy-tianbao-vn', expect: ['Tianbao town'] },
  { gate: 'ta-lung-shuikou-vn', expect: ['Thị Trấn Tà Lùng', 'Shuikou town'] },
];

describe('context layers at zoom 12', () => {
  // One page for the five crossings (a fresh page costs a minute here); the map jumps between them.
  it('names places and draws rivers around five busy crossings, place names never over feature names', { timeout: 540_000 }, async () => {
    const first = positionOf(CROSSINGS[0].gate);
    const driver = await start(`?v=1&map=12/${first[1]}/${first[0]}`);
    await driver.waitForMapIdle();
    for (const crossing of CROSSINGS) {
      await driver.jumpTo(positionOf(crossing.gate), 12);
      await driver.page.waitForFunction(() => document.querySelectorAll('.map-label--place:not([hidden])').length > 0, null, { timeout: 30_000 });
      await driver.waitForMapSettled();
      await driver.screenshot(`mapctx-z12-${crossing.gate}`);
      const names = await driver.placeLabels();
      // A place name yields where a feature name covers it; the planner still reads the name when
      // that feature name carries it (the Dongxing place beside the "Dongxing city" marker).
      const featureNames = await driver.featureLabels();
      for (const name of crossing.expect) {
        const read = names.includes(name) || featureNames.some((f) => f.includes(name));
        expect.soft(read, `${crossing.gate}: "${name}" among places ${JSON.stringify(names)} or feature names ${JSON.stringify(featureNames)}`).toBe(true);
      }
      if (crossing.rivers !== false) expect.soft(await driver.renderedCount(CONTEXT_LAYER.rivers), `${crossing.gate} rivers`).toBeGreaterThan(0);
      // Feature names win: a place name never covers one.
      expect.soft(await driver.placeLabelsOverFeatureLabels(), crossing.gate).toEqual([]);
    }
  });

  it('shows Chinese characters for places in the Chinese interface', { timeout: 240_000 }, async () => {
    const [lng, lat] = positionOf('lao-cai-hekou-vn');
    const driver = await start(`?v=1&lang=zh&map=12/${lat}/${lng}`);
    await driver.waitForMapIdle();
    await driver.waitForMapSettled();
    await driver.page.waitForFunction(() => document.querySelectorAll('.map-label--place:not([hidden])').length > 0, null, { timeout: 30_000 });
    await driver.screenshot('mapctx-z12-lao-cai-zh');
    expect(await driver.placeLabels()).toEqual(expect.arrayContaining(['老街市', '河口']));
  });
});

describe('province lines', () => {
  // The Hà Giang–Tuyên Quang line, as the build wrote it: dissolved by the merger of 1 July 2025.
  const admin = JSON.parse(readFileSync('public/geo/context-admin.geojson', 'utf8')) as { features: { properties: { country: string; between?: string[]; validTo?: string }; geometry: { coordinates: [number, number][] } }[] };
  const dissolved = admin.features.find((f) => f.properties.validTo && f.properties.between?.includes('Hà Giang'));

  it('draws the Vietnamese provinces of the chosen day: the line the 2025 merger dissolved up to 30 June 2025 only', { timeout: 240_000 }, async () => {
    expect(dissolved, 'the dissolved Hà Giang–Tuyên Quang line is in the data').toBeDefined();
    const line = dissolved!.geometry.coordinates;
    const [lng, lat] = line[Math.floor(line.length / 2)];
    const driver = await start(`?v=1&date=2025-06-30&map=9/${lat}/${lng}`);
    await driver.waitForMapIdle();
    await driver.waitForMapSettled();
    const drawn = () =>
      driver.page.evaluate((id) => {
        const map = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { validTo?: string } }[] } }).__map;
        const hits = map.queryRenderedFeatures({ layers: [id] });
        return { all: hits.length, dissolved: hits.filter((h) => h.properties.validTo).length };
      }, CONTEXT_LAYER.adminVn);
    await driver.screenshot('mapctx-z9-provinces-2025-06-30');
    const before = await drawn();
    expect(before.dissolved).toBeGreaterThan(0);
    await driver.setDate('2025-07-01');
    // The day's filter is applied and the tiles re-laid out: wait until no dissolved line is drawn (fails on timeout).
    await driver.page.waitForFunction(
      (id) => (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { validTo?: string } }[] } }).__map.queryRenderedFeatures({ layers: [id] }).every((h) => !h.properties.validTo),
      CONTEXT_LAYER.adminVn,
      { timeout: 30_000, polling: 250 },
    );
    await driver.waitForMapSettled();
    await driver.screenshot('mapctx-z9-provinces-2025-07-01');
    const after = await drawn();
    expect(after.dissolved).toBe(0);
    // The lines that outlived the merger are still drawn.
    expect(after.all).toBeGreaterThan(0);
  });
});

describe('markers at crowded spots', () => {
  const spots = crowdedSpots(3);
  it('finds crowded spots in the data', () => {
    // Several features share an estimated point at the busiest crossings (Móng Cái, Thanh Thủy…).
    expect(spots.length).toBeGreaterThanOrEqual(2);
  });

  // One page; at zoom 13 (the fan-out's tightest ring) and 15 around each of the three most crowded spots.
  it('at zoom 13 and 15, no two markers share a pixel and each is drawn once', { timeout: 480_000 }, async () => {
    const driver = await start(`?v=1&map=15/${spots[0].at[1]}/${spots[0].at[0]}`);
    await driver.waitForMapIdle();
    for (const spot of spots)
      for (const zoom of [13, 15]) {
        const where = `${spot.ids[0]} z${zoom}`;
        await driver.jumpTo(spot.at, zoom);
        await driver.screenshot(`mapctx-z${zoom}-${spot.ids[0]}`);
        const markers = await driver.renderedMarkers();
        // The crowd is drawn: at least as many markers near the spot as it has features.
        const centre = await driver.projectOnMap(spot.at);
        // Within the spot's 250 m plus a fan-out ring (a few marker widths).
        const reach = 250 / ((40_075_016.686 * Math.cos((spot.at[1] * Math.PI) / 180)) / (512 * 2 ** zoom)) + 80;
        const near = markers.filter((m) => Math.hypot(m.x - centre.x, m.y - centre.y) < reach);
        expect.soft(near.length, where).toBeGreaterThanOrEqual(spot.ids.length);
        // Each feature is drawn at one place only (its spread copy, not also its true point).
        const ids = markers.map((m) => m.id);
        expect.soft(ids.length - new Set(ids).size, `${where}: features drawn twice`).toBe(0);
        let closest = { px: Infinity, pair: '' };
        for (let i = 0; i < markers.length; i++)
          for (let j = i + 1; j < markers.length; j++) {
            const px = Math.hypot(markers[i].x - markers[j].x, markers[i].y - markers[j].y);
            if (px < closest.px) closest = { px, pair: `${markers[i].id} / ${markers[j].id}` };
          }
        // Marker discs are about 20–23 px across at these zooms: centres this far apart never overlap.
        expect.soft(closest.px, `${where}: ${closest.pair}`).toBeGreaterThanOrEqual(22);
      }
  });
});

describe('OpenStreetMap switch', () => {
  it('offers the online map past the offline detail and falls back cleanly when tiles fail', { timeout: 240_000 }, async () => {
    const driver = await start('?v=1&map=14/22.507/103.95691', { tileStatus: 404 });
    await driver.waitForMapIdle();
    await driver.waitForMapSettled();
    // Past the offline map's detail the map offers the online map.
    await driver.page.getByTestId('osm-hint').waitFor();
    await driver.chooseBasemap('OpenStreetMap');
    await driver.page.getByTestId('osm-failed').waitFor({ timeout: 30_000 });
    await driver.waitForMapSettled();
    await driver.screenshot('mapctx-osm-failed');
    expect(await driver.page.getByTestId('osm-failed').textContent()).toMatch(/offline map is shown/);
    // The offline map stays: places and rivers are still drawn and named.
    expect(await driver.renderedCount(CONTEXT_LAYER.rivers)).toBeGreaterThan(0);
    expect((await driver.placeLabels()).length).toBeGreaterThan(0);
    // Back to the offline map in one click.
    await driver.chooseBasemap('Offline map');
    expect(await driver.page.getByTestId('basemap-switch').getByRole('radio', { name: 'Offline map' }).getAttribute('aria-checked')).toBe('true');
  });
});
