/**
 * The app as a user meets it, in Debian's Chromium with software WebGL. Each test opens a fresh
 * browser profile. Screenshots land in test-results/screenshots (git-ignored) — look at them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { AtlasDriver } from './driver';
import { browserSession } from './session';
import { KIND, KINDS } from '../../src/data/kinds';
import { BORDER_COLOR } from '../../src/map/style';

const border = JSON.parse(readFileSync('public/geo/border.geojson', 'utf8')).features[0].geometry.coordinates as [number, number][];

const start = browserSession();

/** A gate's drawn point, read from the data file the app serves. */
function gateCoordinates(id: string): [number, number] {
  const gates = JSON.parse(readFileSync('public/geo/gates.geojson', 'utf8')).features as { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
  return gates.find((g) => g.properties.id === id)!.geometry.coordinates;
}

/** The map layers that draw the points (markers cover the line where they sit on it). */
const POINT_LAYERS = KINDS.map((k) => k.mapLayerId);

/**
 * Share of sampled border vertices with the border colour within 3 px of them, read from a
 * real screenshot of the page, read with the point markers hidden for the moment (they sit on
 * the line, as they should); vertices under a DOM label or control are skipped.
 */
async function borderColourShare(driver: AtlasDriver): Promise<number> {
  const samples = border.filter((_, i) => i % 150 === 0);
  const hex = BORDER_COLOR.replace('#', '');
  const target = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  // The markers sit on the line (that is where crossings are) and at the overview they cover
  // more than half of it: hide them for the reading, then show them again.
  const setMarkers = (visibility: 'none' | 'visible') =>
    driver.page.evaluate(
      ({ layers, visibility }) =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as { __map: { getLayer(id: string): unknown; setLayoutProperty(id: string, p: string, v: string): void; once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
          for (const id of layers) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
      { layers: POINT_LAYERS, visibility },
    );
  await setMarkers('none');
  const projected = await driver.page.evaluate(
    ({ samples }) => {
      const map = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement; project(p: [number, number]): { x: number; y: number } } }).__map;
      const canvas = map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      return samples.map((s) => {
        const p = map.project(s);
        const x = rect.left + p.x;
        const y = rect.top + p.y;
        const inside = p.x >= 3 && p.y >= 3 && p.x < rect.width - 3 && p.y < rect.height - 3;
        // A DOM label or control over the vertex hides it from the reading.
        const covered = !inside || document.elementFromPoint(x, y) !== canvas;
        return { x, y, inside, covered };
      });
    },
    { samples },
  );
  const shot = PNG.sync.read(await driver.page.screenshot());
  const ratio = shot.width / driver.page.viewportSize()!.width;
  let hits = 0;
  let counted = 0;
  for (const p of projected) {
    if (!p.inside || p.covered) continue;
    counted++;
    const x = Math.round(p.x * ratio);
    const y = Math.round(p.y * ratio);
    search: for (let dy = -3; dy <= 3; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const i = ((y + dy) * shot.width + (x + dx)) * 4;
        if (Math.abs(shot.data[i] - target[0]) < 40 && Math.abs(shot.data[i + 1] - target[1]) < 40 && Math.abs(shot.data[i + 2] - target[2]) < 40) {
          hits++;
          break search;
        }
      }
    }
  }
  await setMarkers('visible');
  // Most of the line must be measurable, or the check proves nothing.
  if (counted < projected.filter((p) => p.inside).length / 2) throw new Error(`only ${counted} border samples are uncovered`);
  return counted ? hits / counted : 0;
}

describe('the map', () => {
  it('draws the border line in its colour along the real border, with the whole border in view', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.waitForMapSettled();
    await d.screenshot('overview');
    expect(d.consoleErrors).toEqual([]);
    const share = await borderColourShare(d);
    expect(share).toBeGreaterThan(0.8);
    // Both ends of the border are on screen: Laos tripoint and the Bac Luan estuary.
    const west = await d.project(border[0]);
    const east = await d.project(border[border.length - 1]);
    const size = d.page.viewportSize()!;
    for (const p of [west, east]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(size.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(size.height);
    }
    await expect(d.page.getByTestId('legend').isVisible()).resolves.toBe(true);
    // Yunnan's label point (Kunming) is north of the view: its name is held at the top edge.
    const mapBox = (await d.page.getByTestId('map').boundingBox())!;
    const yunnan = d.page.locator('button.map-label--province[data-province="yunnan"]');
    expect(await yunnan.getAttribute('data-edge')).toBe('top');
    const yunnanBox = (await yunnan.boundingBox())!;
    expect(yunnanBox.y).toBeGreaterThanOrEqual(mapBox.y);
    expect(yunnanBox.x + yunnanBox.width).toBeLessThanOrEqual(mapBox.x + mapBox.width);
    await expect(d.page.getByTestId('layer-toggles').isVisible()).resolves.toBe(true);
    // The overview does not fetch the context (towns, rivers, province lines): it starts at zoom 7.
    const hasContext = () => d.page.evaluate(() => !!(window as unknown as { __map: { getSource(id: string): unknown } }).__map.getSource('context-places'));
    expect(await hasContext()).toBe(false);
    await d.page.evaluate(() => (window as unknown as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ zoom: 8 }));
    await d.waitForMapSettled();
    expect(await hasContext()).toBe(true);
  });

  it('opens the side panel when a gate is clicked, with its counterpart across the border', async () => {
    // Zoom 12 around the gate's drawn point: markers are spread apart only from zoom 13.
    const [lng, lat] = gateCoordinates('thanh-thuy-tianbao-vn');
    const d = await start(`?map=12/${lat}/${lng}`);
    await d.waitForMapIdle();
    await d.waitForMapSettled();
    await d.clickFeature('thanh-thuy-tianbao-vn');
    await d.panel().waitFor();
    expect(await d.panelTitle()).toMatch(/Thanh Th(ủ|u)y/);
    expect(await d.panel().textContent()).toContain('Thanh Thủy');
    expect(await d.panel().textContent()).toMatch(/Tianbao|天保/);
    await d.screenshot('gate-panel');
    expect(d.page.url()).toContain('sel=gate:thanh-thuy-tianbao-vn');
    await d.page.getByTestId('counterpart-link').first().click();
    await d.page.waitForFunction(() => location.search.includes('thanh-thuy-tianbao-cn'));
    expect(await d.panelTitle()).toMatch(/Tianbao|天保/);
  });

  it('names the features around the view only, and none at the overview (a marker per name costs every frame)', async () => {
    const d = await start('?map=12/21.5339/107.9668&lang=vi');
    await d.waitForMapIdle();
    await d.waitForMapSettled();
    const names = () => d.page.locator('.map-label--feature').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const near = await names();
    // Móng Cái's names are there, in Vietnamese; features far along the border (Lào Cai) are not.
    expect(near).toContain('Cửa khẩu quốc tế Móng Cái');
    expect(near.some((n) => /Lào Cai/.test(n))).toBe(false);
    expect(near.length).toBeGreaterThan(3);
    expect(near.length).toBeLessThan(40);
    // Zoomed out to the whole border, below the names' zoom, no name marker is left on the map.
    await d.page.evaluate(() => (window as unknown as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ zoom: 6.5 }));
    await d.waitForMapSettled();
    expect(await names()).toEqual([]);
  });

  it('a click on points drawn at one spot (Móng Cái) opens one and lists the others to choose from', async () => {
    // Zoom 12: from 13 on the markers of one spot fan out (map-context.spec checks that), so a
    // click at the shared position would land between them.
    const d = await start('?map=12/21.5339/107.9668');
    await d.waitForMapIdle();
    await d.waitForMapSettled();
    await d.clickFeature('mong-cai-dongxing-vn');
    await d.panel().waitFor();
    // One of the crossings there wins the click; the others and the markets at the same
    // estimated spot are listed in the panel.
    expect(await d.panelTitle()).toMatch(/Móng Cái|Bac Luan|Bắc Luân|Ka Long|pontoon/i);
    const same = d.page.getByTestId('same-position');
    await same.waitFor();
    const choices = same.getByRole('button');
    // Several features share the spot (the count follows the data's sourced anchors).
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    await d.screenshot('same-position');
    await same.getByRole('button', { name: /market/i }).first().click();
    await d.page.waitForFunction(() => /sel=market:/.test(location.search));
    expect(await d.panelTitle()).toMatch(/market/i);
  });
});

describe('bad input', () => {
  it('says which data file is broken and still draws the border and the other layers', async () => {
    const d = await start('', { blockFiles: { 'gates.geojson': '{"type": "FeatureCollection", "features": [ broken' } });
    await d.waitForMapIdle();
    await d.waitForMapSettled();
    await d.screenshot('broken-gates-file');
    const banner = d.page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('gates.geojson');
    expect(await borderColourShare(d)).toBeGreaterThan(0.8);
  });

  it('reports a missing data file by name', async () => {
    const d = await start('', { blockFiles: { 'events.json': 404 } });
    await d.waitForMapIdle();
    expect(await d.page.getByTestId('error-banner').textContent()).toMatch(/events\.json.*HTTP 404/);
  });

  it('without WebGL shows a clear message and the list view instead of a blank page', async () => {
    const d = await start('?sel=gate:huu-nghi-youyiguan-vn', { noWebgl: true });
    const banner = d.page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/WebGL/);
    await d.page.getByTestId('feature-list').waitFor();
    expect((await d.listedIds()).length).toBeGreaterThan(20);
    // The linked selection survives: its panel is open.
    await d.panel().waitFor();
    expect(await d.panelTitle()).toMatch(/H(ữ|u)u Ngh(ị|i)/);
    await d.screenshot('no-webgl');
  });

  it('opens a partly broken link: keeps what it can read and says what it dropped', async () => {
    const d = await start('?v=1&map=abc&status=operating,bogus&date=2023-02-30&sel=gate:no-such-gate&lang=vi');
    await d.waitForMapIdle();
    const text = (await d.page.getByTestId('error-banner').textContent()) ?? '';
    expect(text).toContain('bogus');
    expect(text).toContain('2023-02-30');
    expect(text).toContain('no-such-gate');
    expect(text).toContain('abc');
    // The readable parts are applied: Vietnamese UI, and the v=1 operating filter read as the state open.
    expect(await d.page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await d.page.getByTestId('filter-states').locator('input[value="open"]').isChecked()).toBe(true);
    expect(await borderColourShare(d)).toBeGreaterThan(0.8);
    // The address bar keeps only what was applied, so a re-copied link carries no dropped parts.
    await d.page.waitForFunction(() => !/bogus|no-such-gate|2023-02-30|map=abc/.test(location.search));
    expect(new URL(d.page.url()).searchParams.get('state')).toBe('open');
    expect(new URL(d.page.url()).searchParams.get('v')).toBe('2');
  });
});

describe('planner workflow', () => {
  it('search finds a gate without diacritics and in Chinese, and flies to it', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.search('huu nghi');
    await d.page.getByTestId('search-results').waitFor();
    expect(await d.page.getByTestId('search-results').textContent()).toMatch(/H(ữ|u)u Ngh(ị|i)/);
    await d.search('友谊关');
    expect(await d.page.getByTestId('search-results').textContent()).toContain('友谊关');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    await d.waitForMapSettled();
    expect((await d.camera()).zoom).toBeGreaterThan(10);
    await d.screenshot('search-youyiguan');
  });

  it('a copied link reopens the same filters, date, selection and camera in a fresh browser', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.toggleState('open');
    await d.setDate('2024-06-30');
    await d.search('Lào Cai');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    await d.waitForMapSettled();
    await d.openList();
    // No wait for the URL writer: the link is built from the store.
    const link = await d.copyLink();
    expect(link).toContain('state=open');
    expect(link).toContain('date=2024-06-30');
    expect(link).toContain('sel=');
    const before = { ids: await d.listedIds(), title: await d.panelTitle(), camera: await d.camera() };

    const e = await start(new URL(link).search);
    await e.waitForMapIdle();
    await e.waitForMapSettled();
    await e.page.getByTestId('feature-list').waitFor();
    expect(await e.listedIds()).toEqual(before.ids);
    expect(await e.panelTitle()).toBe(before.title);
    const after = await e.camera();
    expect(after.zoom).toBeCloseTo(before.camera.zoom, 1);
    expect(after.lng).toBeCloseTo(before.camera.lng, 3);
    expect(after.lat).toBeCloseTo(before.camera.lat, 3);
    expect(await e.page.getByTestId('date-input').inputValue()).toBe('2024-06-30');
    await e.screenshot('reopened-link');
  });

  it('Back closes the panel and Forward reopens it', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.search('Móng Cái');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    const title = await d.panelTitle();
    await d.page.goBack();
    await d.panel().waitFor({ state: 'detached' });
    await d.page.goForward();
    await d.panel().waitFor();
    expect(await d.panelTitle()).toBe(title);
  });

  it('a province label opens the province panel with its province-level events, and the link keeps it', async () => {
    const d = await start('?date=2024-06-30');
    await d.waitForMapIdle();
    // Before the 2025 merger the map labels Ha Giang; its label is a button.
    await d.page.locator('button.map-label--province[data-province="ha-giang"]').click();
    const panel = d.page.getByTestId('province-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/Tuyen Quang|Tuyên Quang/); // its successor
    expect(await panel.getByTestId('event').count()).toBeGreaterThan(0);
    await d.page.waitForFunction(() => location.search.includes('sel=province:ha-giang'));
    await d.screenshot('province-panel');
    // After the merger the same place is labelled Tuyen Quang, and Ha Giang's label is gone.
    await d.setDate('2025-12-31');
    await d.page.locator('button.map-label--province[data-province="tuyen-quang"]').waitFor();
    expect(await d.page.locator('button.map-label--province[data-province="ha-giang"]').count()).toBe(0);
  });

  it('the list view and the map stay in sync', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.openList();
    const row = d.page.getByTestId('feature-list').locator('tr[data-feature-id="huu-nghi-youyiguan-vn"] button').first();
    await row.click();
    await d.panel().waitFor();
    const state = await d.page.evaluate((source) => {
      const map = (window as unknown as { __map: { getFeatureState(f: { source: string; id: string }): Record<string, unknown> } }).__map;
      return map.getFeatureState({ source, id: 'huu-nghi-youyiguan-vn' });
    }, KIND.gate.sourceId);
    expect(state.selected).toBe(true);
    // Filtering on the map's side narrows the list too.
    const allRows = (await d.listedIds()).length;
    await d.toggleState('closed');
    await d.waitForFewerRows(allRows);
    expect((await d.listedIds()).length).toBeLessThan(allRows);
    await d.screenshot('list-sync');
  });
});

describe('on a phone', () => {
  it('opens the filters as a drawer, filters the map from there, and Escape closes drawer then panel', async () => {
    const d = await start('?sel=gate:huu-nghi-youyiguan-vn', { viewport: { width: 390, height: 844 } });
    await d.waitForMapIdle();
    await d.panel().waitFor();
    await d.page.keyboard.press('Escape');
    await d.page.waitForFunction(() => !location.search.includes('sel='));
    expect(await d.panel().count()).toBe(0);
    const sidebar = d.page.getByTestId('sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await d.page.getByTestId('filters-toggle').click();
    await sidebar.waitFor({ state: 'visible' });
    await d.toggleState('closed');
    await d.page.waitForFunction(() => location.search.includes('state=closed'));
    await d.waitForMapSettled();
    await d.screenshot('phone-filters');
    await d.page.keyboard.press('Escape');
    await sidebar.waitFor({ state: 'hidden' });
    await d.screenshot('phone-map');
  });
});
