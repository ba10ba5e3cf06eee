/**
 * Domain actions over the app for browser specs (maputnik's driver layer): specs say what a
 * user does, the driver knows the data-testids. Stable test ids used here:
 * feature-panel, legend, layer-toggles, search-input, feature-list, error-banner, copy-link,
 * map, date-input, list-toggle, copy-confirmation, copy-feature-link, feature-status, counterpart-link.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
    for (const [file, replacement] of Object.entries(options.blockFiles ?? {})) {
      await page.route(`**/geo/${file}`, (route) =>
        typeof replacement === 'number' ? route.fulfill({ status: replacement, body: 'gone' }) : route.fulfill({ status: 200, body: replacement, contentType: 'application/json' }),
      );
    }
    // The shared test machine can be slow to serve a first load; a slow load is not a failure.
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

  async toggleStatus(status: string) {
    await this.page.getByTestId('filter-statuses').locator(`input[value="${status}"]`).click();
  }

  async setDate(day: string) {
    await this.page.getByTestId('date-input').fill(day);
  }

  async openList() {
    if ((await this.page.getByTestId('feature-list').count()) === 0) await this.page.getByTestId('list-toggle').click();
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

  async close() {
    await this.browser.close();
  }
}
