/**
 * Planner questions (issue 8), replayed as a person would ask them: typed dates, ticked boxes,
 * copied links, the camera. Each test asserts the answer (names, counts, dates), not only that
 * something rendered. Screenshots go to test-results/screenshots/answers-*.png.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AtlasDriver } from './driver';
import { browserSession } from './session';

const gates = JSON.parse(readFileSync('public/geo/gates.geojson', 'utf8')).features as { properties: { id: string; admin: { provinceId: string }[] }; geometry: { coordinates: [number, number] } }[];
const coordinatesOf = (id: string) => gates.find((g) => g.properties.id === id)!.geometry.coordinates;

const start = browserSession();

/** Waits for the throttled URL writer to carry a parameter value. */
async function urlHas(d: AtlasDriver, text: string) {
  await d.page.waitForFunction((t) => decodeURIComponent(location.search).includes(t), text);
}

// The machine is shared and software WebGL is slow: each question gets four minutes.
/** Waits until the camera rests on a view narrower than `maxSpan` degrees whose west edge is west of `maxWest`. */
async function waitForView(d: AtlasDriver, limits: { maxSpan: number; maxWest: number }) {
  await d.page.waitForFunction(
    ({ maxSpan, maxWest }) => {
      const map = (window as unknown as { __map: { isMoving(): boolean; getBounds(): { getWest(): number; getEast(): number } } }).__map;
      const b = map.getBounds();
      return !map.isMoving() && b.getEast() - b.getWest() < maxSpan && b.getWest() < maxWest;
    },
    limits,
    { timeout: 60_000, polling: 250 },
  );
  await d.waitForMapSettled();
}

describe('planner questions', { timeout: 240_000 }, () => {
  it('which Lào Cai gates were closed on 1 June 2021: the date typed digit by digit, each count equal to the rows it leaves', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.openList();
    // Half typed (month and day only): nothing changes, the map still shows today.
    await d.typeDate('0601');
    // A negative check has no event to await: wait out the URL writer's 400 ms throttle once.
    await d.page.waitForTimeout(450);
    expect(new URL(d.page.url()).searchParams.get('date')).toBeNull();
    await d.page.keyboard.type('2021');
    await urlHas(d, 'date=2021-06-01');
    expect(await d.page.getByTestId('date-input').inputValue()).toBe('2021-06-01');
    await d.tick('kinds', 'gate');
    await d.tick('provinces', 'lao-cai');
    // Both sides, one row per crossing: 5 Lào Cai crossings on record, 4 of them closed.
    expect(await d.countBeside('states', 'closed')).toBe(4);
    expect(await d.countBeside('states', 'open')).toBe(1);
    await d.toggleState('closed');
    await urlHas(d, 'state=closed');
    const names = await d.listedNames();
    expect(names).toHaveLength(4);
    expect(names.join(' | ')).toMatch(/Ban Vuoc|Bản Vược/);
    expect(names.join(' | ')).toMatch(/Muong Khuong|Mường Khương/);
    expect(names.filter((n) => /Lao Cai|Lào Cai/.test(n))).toHaveLength(2);
    // Each is suspended since early 2020, as its row says.
    const stateCells = await d.page.getByTestId('feature-list').getByTestId('state-text').allTextContents();
    expect(stateCells.every((c) => /Closed · Suspended since 2020/.test(c))).toBe(true);
    // The Vietnamese side alone: the same four gates, one row each.
    await d.chooseSide('VN');
    await urlHas(d, 'side=vn');
    expect(await d.listedNames()).toHaveLength(4);
    await d.screenshot('answers-lao-cai-closed-2021');
  });

  it('the number beside every state and kind box equals the rows the list shows after ticking it', async () => {
    const d = await start('?date=2021-06-01');
    await d.waitForMapIdle();
    await d.openList();
    for (const [group, values] of [
      ['states', ['open', 'closed', 'not-yet-open', 'no-recent-record', 'no-record']],
      ['kinds', ['gate', 'opening', 'market', 'commune', 'post']],
    ] as const) {
      for (const value of values) {
        const count = await d.countBeside(group, value);
        await d.tick(group, value);
        const rows = count === 0 ? 0 : (await d.listedNames()).length;
        if (count === 0) await d.page.getByTestId('empty-answer').waitFor();
        expect(rows, `${group}=${value}`).toBe(count);
        await d.tick(group, value);
      }
    }
    // A state filter hides the kinds without a state, and says so in one line.
    await d.tick('states', 'closed');
    expect(await d.page.getByTestId('state-note').textContent()).toMatch(/apply to gates and openings only: \d+ markets, paired places and posts are hidden/);
    // An empty answer names the filter that emptied it and clears it.
    await d.tick('kinds', 'market');
    const empty = d.page.getByTestId('empty-answer');
    await empty.waitFor();
    expect(await empty.textContent()).toMatch(/the state filter empties the list/);
    await d.page.getByTestId('clear-states').click();
    await urlHas(d, 'kind=market');
    expect((await d.listedNames()).length).toBeGreaterThan(0);
  });

  it('only international gates in Lạng Sơn on 1 Jan 2023, Vietnamese UI, copied and reopened in a fresh browser: same rows', async () => {
    const d = await start('?lang=vi');
    await d.waitForMapIdle();
    await d.openList();
    await d.typeDate('01012023');
    await urlHas(d, 'date=2023-01-01');
    await d.tick('kinds', 'gate');
    await d.tick('classes', 'international');
    await d.tick('provinces', 'lang-son');
    await urlHas(d, 'prov=lang-son');
    const names = await d.listedNames();
    expect(names).toHaveLength(2);
    expect(names.join(' | ')).toContain('Hữu Nghị');
    expect(names.join(' | ')).toContain('Đồng Đăng');
    expect(await d.page.getByTestId('feature-list').locator('h2').textContent()).toMatch(/2/);
    const link = await d.copyLink();
    expect(await d.page.getByTestId('copy-confirmation').textContent()).toBe('Đã sao chép liên kết');
    expect(link).toMatch(/v=2/);
    expect(link).toContain('kind=gate');
    expect(link).toContain('class=international');
    expect(link).toContain('date=2023-01-01');
    const ids = await d.listedIds();
    await d.screenshot('answers-lang-son-intl-vi');

    const e = await start(new URL(link).search);
    await e.waitForMapIdle();
    await e.page.getByTestId('feature-list').waitFor();
    expect(await e.listedIds()).toEqual(ids);
    expect(await e.listedNames()).toEqual(names);
    expect(await e.page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await e.page.getByTestId('date-input').inputValue()).toBe('2023-01-01');
  });

  it('ticking a province frames its stretch of the border: Yunnan from the Laos tripoint east, never Kunming', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.tick('provinces', 'lang-son');
    await waitForView(d, { maxSpan: 3, maxWest: 180 });
    const ls = await d.mapBounds();
    // Every Lạng Sơn gate is in view, and the view is the province's stretch, not the whole border.
    for (const g of gates.filter((g) => g.properties.admin.some((a) => a.provinceId === 'lang-son'))) {
      const [lng, lat] = g.geometry.coordinates;
      expect(lng).toBeGreaterThan(ls.west);
      expect(lng).toBeLessThan(ls.east);
      expect(lat).toBeGreaterThan(ls.south);
      expect(lat).toBeLessThan(ls.north);
    }
    expect(ls.east - ls.west).toBeLessThan(3);
    await d.screenshot('answers-frame-lang-son');
    await d.tick('provinces', 'lang-son');
    await d.tick('provinces', 'yunnan');
    await waitForView(d, { maxSpan: 6, maxWest: 102.15 });
    const yn = await d.mapBounds();
    // From the Laos tripoint (102.14°E 22.40°N) to the Guangxi boundary; Kunming (102.71°E 25.04°N) is far out of view.
    expect(yn.west).toBeLessThan(102.15);
    expect(yn.north).toBeLessThan(24.2);
    expect(yn.east).toBeGreaterThan(105.3);
    await d.screenshot('answers-frame-yunnan');
    // "Zoom to results" frames what the filters leave (Yunnan's features).
    await d.page.getByTestId('zoom-to-results').click();
    await d.waitForMapSettled();
    const results = await d.mapBounds();
    expect(results.north).toBeLessThan(24.2);
  });

  it('a selected gate sits at the centre of the visible map, and stays there after two clicks on +', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.search('Ma Lu Thang');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    await d.page.waitForFunction(() => /sel=gate:/.test(location.search));
    await d.waitForMapSettled();
    const id = new URL(d.page.url()).searchParams.get('sel')!.split(':')[1];
    const gate = coordinatesOf(id);
    const near = async (label: string) => {
      const [at, centre] = [await d.project(gate), await d.visibleMapCentre()];
      expect(Math.hypot(at.x - centre.x, at.y - centre.y), label).toBeLessThan(30);
    };
    await near('after selecting');
    await d.screenshot('answers-selected-centre');
    for (const step of ['after one +', 'after two +']) {
      await d.zoomInButton();
      await d.waitForMapSettled();
      await near(step);
    }
    await d.screenshot('answers-selected-zoomed');
  });

  it('a link that selects a gate but carries no view opens on that gate, as choosing it would', async () => {
    // Bắc Luân II is at the eastern end: in the whole-border view with the panel open it is off the map.
    const id = 'bac-luan-2-bridge-vn';
    const d = await start(`?v=1&sel=gate:${id}`);
    await d.waitForMapIdle();
    await d.panel().waitFor();
    await d.waitForMapSettled();
    const [at, centre] = [await d.project(coordinatesOf(id)), await d.visibleMapCentre()];
    expect(Math.hypot(at.x - centre.x, at.y - centre.y)).toBeLessThan(30);
    // The link now says where the map is, so copying it reopens this view.
    await d.page.waitForFunction(() => new URL(location.href).searchParams.has('map'));
    await d.screenshot('answers-link-selection-without-view');
  });
});

describe('dates, play and phone', { timeout: 240_000 }, () => {
  it('an out-of-range date gets a message beside the field and changes nothing; Play years shows the year large', async () => {
    const d = await start('?lang=zh');
    await d.waitForMapIdle();
    await d.typeDate('01011985');
    const message = d.page.getByTestId('date-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/1990-01-01/);
    expect(await d.page.getByTestId('date-input').getAttribute('aria-label')).toBe('查看日期');
    expect(new URL(d.page.url()).searchParams.get('date')).toBeNull();
    await d.page.getByTestId('play-years').click();
    const overlay = d.page.getByTestId('year-overlay');
    await overlay.waitFor({ state: 'visible' });
    // It starts at 1999 and steps a year at a time; the large year is the day the map shows.
    const thisYear = String(new Date().getUTCFullYear());
    await d.page.waitForFunction((now) => /^(19|20)\d\d$/.test(document.querySelector('[data-testid="year-overlay"]')?.textContent ?? now) && document.querySelector('[data-testid="year-overlay"]')?.textContent !== now, thisYear, { timeout: 60_000 });
    expect(await overlay.getAttribute('aria-live')).toBe('polite');
    // Read together, so a step between the two reads cannot split them.
    const shown = await d.page.evaluate(() => ({
      overlay: document.querySelector('[data-testid="year-overlay"]')?.textContent,
      field: (document.querySelector('[data-testid="date-input"]') as HTMLInputElement).value.slice(0, 4),
    }));
    expect(shown.overlay).toBe(shown.field);
    await d.screenshot('answers-play-years');
    // Stopped: the overlay goes, the date stays where the play reached.
    await d.page.getByTestId('play-years').click();
    await overlay.waitFor({ state: 'hidden' });
    const year = (await d.page.getByTestId('date-input').inputValue()).slice(0, 4);
    expect(Number(year)).toBeGreaterThanOrEqual(1999);
    await urlHas(d, `date=${year}-12-31`);
  });

  it('on a phone a selected gate sits in the visible map above the panel', async () => {
    const d = await start('', { viewport: { width: 390, height: 844 } });
    await d.waitForMapIdle();
    await d.search('Ma Lu Thang');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    await d.page.waitForFunction(() => /sel=gate:/.test(location.search));
    await d.waitForMapSettled();
    const gate = coordinatesOf(new URL(d.page.url()).searchParams.get('sel')!.split(':')[1]);
    const [at, centre] = [await d.project(gate), await d.visibleMapCentre()];
    expect(Math.hypot(at.x - centre.x, at.y - centre.y)).toBeLessThan(30);
    const panel = (await d.panel().boundingBox())!;
    expect(at.y).toBeLessThan(panel.y);
    await d.screenshot('answers-phone-selected');
  });
});
