/**
 * Domain actions over the app for browser specs (maputnik's driver layer): specs say what a
 * user does, the driver knows the data-testids. Stable test ids used here:
 * feature-panel, legend, layer-toggles, search-input, feature-list, error-banner, copy-link,
 * map, date-input, list-toggle, copy-confirmation, copy-feature-link, feature-status, counterpart-link,
 * filter-<group> (kinds, states, classes, modes, provinces) with a count per box, filter-side,
 * state-note, empty-answer, zoom-to-results, date-message, year-overlay.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { KINDS } from '../../src/data/kinds';
import { launchContext, type LaunchedBrowser, type Page } from './helpers';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export function appUrl(search = ''): string {
  const base = process.env.BORDER_ATLAS_URL;
  if (!base) throw new Error('BORDER_ATLAS_URL is not set: run through vitest --project browser');
  return `${base}${search}`;
}

export class AtlasDriver {
  private constructor(
    readonly browser: LaunchedBrowser,
    readonly page: Page,
    readonly consoleErrors: string[],
  ) {}

  static async open(
    search = '',
    options: {
      noWebgl?: boolean;
      blockFiles?: Record<string, string | number>;
      viewport?: { width: number; height: number };
      serviceWorkers?: 'allow' | 'block';
      /** Answer tile requests with this HTTP status (a failing tile server). */
      tileStatus?: number;
    } = {},
  ) {
    const browser = await launchContext({ noWebgl: options.noWebgl, viewport: options.viewport, serviceWorkers: options.serviceWorkers });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Every Content-Security-Policy violation is recorded, so any spec can assert there were none.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // No network but loopback: any other request is refused here, so tests never depend on it.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    // A tile server that answers with an error (e.g. 404), rather than no network at all.
    if (options.tileStatus) await page.route(/\/\d+\/\d+\/\d+\.png$/, (route) => route.fulfill({ status: options.tileStatus, body: 'no tile' }));
    for (const [file, replacement] of Object.entries(options.blockFiles ?? {})) {
      await page.route(`**/geo/${file}`, (route) =>
        typeof replacement === 'number' ? route.fulfill({ status: replacement, body: 'gone' }) : route.fulfill({ status: 200, body: replacement, contentType: 'application/json' }),
      );
    }
    // The machine is shared: a cold start of the preview server and Chromium can exceed the default 30 s.
    await page.goto(appUrl(search), { timeout: 90_000 });
    return new AtlasDriver(browser, page, errors);
  }

  /** Waits until the map has been idle once with every layer (the app's User Timing mark). */
  async waitForMapIdle(timeoutMs = 90_000) {
    await this.page.waitForFunction(() => performance.getEntriesByName('border-atlas:first-idle').length > 0, null, { timeout: timeoutMs });
  }

  /** Waits for the map to settle after a change (no movement, tiles and sources loaded). */
  async waitForMapSettled(timeoutMs = 30_000) {
    await this.page.waitForFunction(
      () => {
        const map = (window as unknown as { __map?: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } }).__map;
        return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded();
      },
      null,
      { timeout: timeoutMs, polling: 200 },
    );
    // Two frames: the DOM labels are placed on the frame after the map's last render.
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  async screenshot(name: string): Promise<Buffer> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return this.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  }

  /** Screen position of a lng/lat on the map canvas, relative to the page. */
  async project(lngLat: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((ll) => {
      const map = (window as unknown as { __map: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__map;
      const p = map.project(ll);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, lngLat);
  }

  /** Clicks a feature of any kind where the map draws it. */
  async clickFeature(id: string) {
    const files = KINDS.map((k) => k.file);
    const position = await this.page.evaluate(
      async ({ featureId, files }) => {
        for (const file of files) {
          const response = await fetch(`${location.pathname.replace(/[^/]*$/, '')}geo/${file}`);
          const all = await response.json();
          const feature = all.features.find((f: { properties: { id: string } }) => f.properties.id === featureId);
          if (feature) return feature.geometry.coordinates as [number, number];
        }
        return undefined;
      },
      { featureId: id, files },
    );
    if (!position) throw new Error(`no feature ${id}`);
    const point = await this.project(position);
    await this.page.mouse.click(point.x, point.y);
  }

  async search(text: string) {
    await this.page.getByTestId('search-input').fill(text);
  }

  async chooseFirstSearchResult() {
    await this.page.getByTestId('search-input').press('Enter');
  }

  panel() {
    return this.page.getByTestId('feature-panel');
  }

  async panelTitle(): Promise<string> {
    return (await this.page.locator('#feature-title').textContent()) ?? '';
  }

  /** Ticks (or unticks) one box of a filter group: kinds, states, classes, modes or provinces. */
  async tick(group: 'kinds' | 'states' | 'classes' | 'modes' | 'provinces', value: string) {
    await this.page.getByTestId(`filter-${group}`).locator(`input[value="${value}"]`).click();
  }

  async toggleState(state: string) {
    await this.tick('states', state);
  }

  /** The number shown beside a filter box. */
  async countBeside(group: 'kinds' | 'states' | 'classes' | 'modes' | 'provinces', value: string): Promise<number> {
    const label = this.page.getByTestId(`filter-${group}`).locator('label', { has: this.page.locator(`input[value="${value}"]`) });
    return Number(await label.getByTestId('count').textContent());
  }

  async chooseSide(side: 'both' | 'VN' | 'CN') {
    await this.page.getByTestId('filter-side').locator(`input[value="${side}"]`).check();
  }

  /** Types a date into the as-of field as a person does: focus it, then the digits in the browser's order. */
  async typeDate(digits: string) {
    const input = this.page.getByTestId('date-input');
    await input.focus();
    await this.page.keyboard.type(digits);
  }

  /** The names in the list's first column, one string per row ("A ↔ B" for a crossing). */
  async listedNames(): Promise<string[]> {
    return this.page
      .getByTestId('feature-list')
      .locator('tr[data-feature-id] td:first-child')
      .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** West, south, east, north of what the map shows. */
  async mapBounds(): Promise<{ west: number; south: number; east: number; north: number }> {
    return this.page.evaluate(() => {
      const map = (window as unknown as { __map: { getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number } } }).__map;
      const b = map.getBounds();
      return { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
    });
  }

  /**
   * Centre of the part of the map a person can see, on the page: the map canvas minus the panels
   * lying over it (read from the elements, not from the app's own padding).
   */
  async visibleMapCentre(): Promise<{ x: number; y: number }> {
    return this.page.evaluate(() => {
      const canvas = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement } }).__map.getCanvas().getBoundingClientRect();
      const top = canvas.top;
      let [left, right, bottom] = [canvas.left, canvas.right, canvas.bottom];
      for (const el of document.querySelectorAll<HTMLElement>('.feature-panel, .sidebar')) {
        if (getComputedStyle(el).position !== 'absolute' || getComputedStyle(el).display === 'none') continue;
        const r = el.getBoundingClientRect();
        if (r.right <= left || r.left >= right || r.bottom <= top || r.top >= bottom) continue;
        if (r.top > top + 1 && r.bottom >= bottom - 1) bottom = Math.min(bottom, r.top);
        else if (r.left > left + 1) right = Math.min(right, r.left);
        else left = Math.max(left, r.right);
      }
      return { x: (left + right) / 2, y: (top + bottom) / 2 };
    });
  }

  async zoomInButton() {
    await this.page.locator('.maplibregl-ctrl-zoom-in').click();
  }

  async setDate(day: string) {
    await this.page.getByTestId('date-input').fill(day);
  }

  /** Opens the list (a lazy chunk) and waits until its rows, or its empty answer, are rendered. */
  async openList() {
    if ((await this.page.getByTestId('feature-list').count()) === 0) await this.page.getByTestId('list-toggle').click();
    await this.page.waitForFunction(() => {
      const list = document.querySelector('[data-testid="feature-list"]');
      return !!list && (list.querySelector('tr[data-feature-id]') !== null || list.querySelector('.empty-answer') !== null);
    });
  }

  async listedIds(): Promise<string[]> {
    return this.page.getByTestId('feature-list').locator('tr[data-feature-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature-id') ?? ''));
  }

  /** Waits until the list shows fewer than `count` rows (after a filter narrows it). */
  async waitForFewerRows(count: number) {
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid=feature-list] tr[data-feature-id]').length < n, count);
  }

  async copyLink(): Promise<string> {
    await this.page.getByTestId('copy-link').click();
    await this.page.getByTestId('copy-confirmation').waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async camera() {
    return this.page.evaluate(() => {
      const map = (window as unknown as { __map: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__map;
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    });
  }

  /** Place names drawn on the map (the context layer's DOM labels), as a user reads them. */
  async placeLabels(): Promise<string[]> {
    return this.page.$$eval('.map-label--place:not([hidden])', (elements) => elements.map((e) => e.textContent ?? ''));
  }

  /** How many features of a map layer are drawn in the current view. */
  async renderedCount(layerId: string): Promise<number> {
    return this.page.evaluate((id) => {
      const map = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): unknown[]; getLayer(id: string): unknown } }).__map;
      return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
    }, layerId);
  }

  /** Chooses a basemap with the switch on the map ('Offline map' or 'OpenStreetMap'). */
  async chooseBasemap(label: string) {
    await this.page.getByTestId('basemap-switch').getByRole('radio', { name: label }).click();
  }

  /**
   * Screen centres of every marker drawn in the view (all point layers): where MapLibre draws it,
   * read from the rendered features' geometry (the spread copy at close zoom). A feature returned
   * by two tiles (tile buffers overlap) at the same spot, within 2 px of tile rounding, is one
   * marker; a feature drawn at two places is listed twice.
   */
  async renderedMarkers(): Promise<{ id: string; x: number; y: number }[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as { __map: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: { layers: string[] }): { properties: { id: string }; geometry: { coordinates: [number, number] } }[]; project(p: [number, number]): { x: number; y: number } } }).__map;
      const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('points-'));
      const markers: { id: string; x: number; y: number }[] = [];
      for (const f of map.queryRenderedFeatures({ layers })) {
        const p = map.project(f.geometry.coordinates);
        if (!markers.some((m) => m.id === f.properties.id && Math.hypot(m.x - p.x, m.y - p.y) <= 2)) markers.push({ id: f.properties.id, x: p.x, y: p.y });
      }
      return markers;
    });
  }

  /** The feature names shown on the map now (not hidden by a filter or by the collision pass). */
  async featureLabels(): Promise<string[]> {
    return this.page.$$eval('.map-label--feature', (elements) =>
      elements.filter((e) => !(e as HTMLElement).hidden && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden').map((e) => e.textContent ?? ''),
    );
  }

  /** Place names shown over a shown feature name (each pair as "place / feature"): there should be none. */
  async placeLabelsOverFeatureLabels(): Promise<string[]> {
    return this.page.evaluate(() => {
      const shown = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((e) => !e.hidden && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden')
          .map((e) => ({ text: e.textContent ?? '', box: e.getBoundingClientRect() }));
      const features = shown('.map-label--feature');
      const out: string[] = [];
      for (const place of shown('.map-label--place'))
        for (const feature of features) {
          const a = place.box;
          const b = feature.box;
          if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) out.push(`${place.text} / ${feature.text}`);
        }
      return out;
    });
  }

  /** Moves the camera at once (no animation) and waits until the map and its labels have settled. */
  async jumpTo(center: [number, number], zoom: number) {
    await this.page.evaluate(([c, z]) => (window as unknown as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
    await this.waitForMapSettled();
  }

  /** Where a position is on the map's canvas now (CSS px from its top-left corner). */
  async projectOnMap(at: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((p) => {
      const { x, y } = (window as unknown as { __map: { project(p: [number, number]): { x: number; y: number } } }).__map.project(p);
      return { x, y };
    }, at);
  }

  // ---- events, activity view and date comparison (activity.spec.ts) ----

  /** The visible search results, one text per option (name and meta line). */
  async searchResultTexts(): Promise<string[]> {
    await this.page.getByTestId('search-results').waitFor();
    return this.page.getByTestId('search-results').locator('[role="option"]').allTextContents();
  }

  eventPanel() {
    return this.page.getByTestId('event-panel');
  }

  async eventPanelTitle(): Promise<string> {
    return (await this.page.locator('#event-title').textContent()) ?? '';
  }

  /** Count the events-per-year bar shows for a year (0 when there is no bar). */
  async yearBarCount(year: number): Promise<number> {
    const bar = this.page.getByTestId('events-chart').locator(`rect[data-year="${year}"]`);
    return Number((await bar.getAttribute('data-count')) ?? 0);
  }

  /** Opens the activity view for a year from its bar, by mouse or by keyboard (focus, Enter). */
  async openYear(year: number, how: 'click' | 'keyboard' = 'click') {
    const bar = this.page.getByTestId('events-chart').locator(`rect[data-year="${year}"]`);
    if (how === 'click') await bar.click();
    else {
      await bar.focus();
      await this.page.keyboard.press('Enter');
    }
    await this.page.getByTestId('activity-view').waitFor();
  }

  /** Ids and dates of the events the activity view lists, top to bottom. */
  async activityRows(): Promise<{ id: string; date: string }[]> {
    return this.page
      .getByTestId('activity-row')
      .evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-event-id') ?? '', date: r.querySelector('.event-date')?.textContent ?? '' })));
  }

  /** Types the earlier day of a comparison into its control (as YYYY-MM-DD). */
  async compareFrom(day: string) {
    await this.page.getByTestId('compare-from').fill(day);
    await this.page.getByTestId('changes').waitFor();
  }

  changes() {
    return this.page.getByTestId('changes');
  }

  /** The comparison's status rows: feature id and the text a planner reads. */
  async changeRows(): Promise<{ id: string; text: string }[]> {
    return this.changes()
      .getByTestId('change-row')
      .evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-feature-id') ?? '', text: (r as HTMLElement).innerText })));
  }

  async readUrl(): Promise<URL> {
    return new URL(this.page.url());
  }

  /** Content-Security-Policy violations seen by the page since it opened. */
  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  }

  /**
   * Runs axe-core on the page and returns its violations as "rule: target" lines. axe is
   * evaluated through the driver, not a <script> tag, which the app's CSP would refuse.
   */
  async axeViolations(): Promise<string[]> {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await this.page.evaluate(source);
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
    });
  }

  /** Opens the briefing and waits until its map picture is in. */
  async openBriefing() {
    await this.page.getByTestId('briefing').click();
    await this.page.getByTestId('briefing-doc').waitFor();
    await this.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="briefing-map"] img');
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 60_000 });
    await this.page.evaluate(() => document.fonts.ready);
  }

  /** Prints the page to PDF as Chromium's "Save as PDF" does (CSS page size, backgrounds). */
  async printToPdf(path: string): Promise<Buffer> {
    const session = await this.page.context().newCDPSession(this.page);
    const { data } = (await session.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true })) as { data: string };
    await session.detach();
    const pdf = Buffer.from(data, 'base64');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await writeFile(path, pdf);
    return pdf;
  }

  /** Clicks a download button and saves the file; returns its path and suggested name. */
  async download(testId: string, dir = SCREENSHOT_DIR): Promise<{ path: string; name: string }> {
    mkdirSync(dir, { recursive: true });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    const name = download.suggestedFilename();
    const path = `${dir}/${name}`;
    await download.saveAs(path);
    return { path, name };
  }

  async close() {
    await this.browser.close();
  }
}
