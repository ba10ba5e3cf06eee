/**
 * Hardening, as a security review or an assistive-technology user meets the app: a strict CSP
 * with no violations, hostile links that cost nothing, a keyboard path to the list, zero axe
 * violations, and a reload with no network after one visit.
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from './session';

const start = browserSession();

describe('strict Content-Security-Policy', () => {
  it('ships a CSP without unsafe-eval or inline scripts, and the app runs under it with no violation', async () => {
    const d = await start('?sel=gate:huu-nghi-youyiguan-vn');
    await d.waitForMapIdle();
    await d.panel().waitFor();
    const policy = await d.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    // Search builds its index and the list renders: more code paths under the policy.
    await d.search('Lào Cai');
    await d.page.getByTestId('search-results').waitFor();
    await d.openList();
    expect(await d.cspViolations()).toEqual([]);
  });
});

describe('hostile links', () => {
  it('1,200 unknown status values (vite preview refuses URLs over ~16 KB) give a short banner that leaves the map on screen', async () => {
    const values = Array.from({ length: 1200 }, (_, i) => `bogus${i}`).join(',');
    const d = await start(`?status=${values}`);
    await d.waitForMapIdle();
    const banner = d.page.getByTestId('error-banner');
    await banner.waitFor();
    const box = await banner.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(800 / 5);
    const map = await d.page.getByTestId('map').boundingBox();
    expect(map!.y).toBeLessThan(800 / 2);
    expect(map!.height).toBeGreaterThan(300);
    expect(d.consoleErrors).toEqual([]);
  });

  it('a 10,000-character selection is reported in one short line', async () => {
    const d = await start(`?sel=gate:${'a'.repeat(10_000)}`);
    await d.waitForMapIdle();
    const items = await d.page.getByTestId('error-banner').locator('li').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.length).toBeLessThanOrEqual(240);
  });
});

describe('keyboard', () => {
  it('the skip link opens the list and puts the focus on it', async () => {
    const d = await start();
    await d.waitForMapIdle();
    await d.page.keyboard.press('Tab');
    expect(await d.page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await d.page.keyboard.press('Enter');
    await d.page.getByTestId('feature-list').waitFor();
    await d.page.waitForFunction(() => document.activeElement?.id === 'feature-list');
    expect((await d.listedIds()).length).toBeGreaterThan(50);
    // It stays open: the URL writer does not undo it.
    await d.page.waitForFunction(() => new URLSearchParams(location.search).get('list') === '1');
    expect(await d.page.getByTestId('feature-list').count()).toBe(1);
  });
});

describe('map markers without a mouse', () => {
  it('arrow keys move between the features in view, a live region names each, Enter opens it', async () => {
    const d = await start('?map=9/21.9/106.7&lang=vi');
    await d.waitForMapIdle();
    await d.page.locator('canvas.maplibregl-canvas').focus();
    const announcer = d.page.getByTestId('map-announcer');
    await d.page.keyboard.press('ArrowRight');
    await d.page.waitForFunction(() => (document.querySelector('[data-testid="map-announcer"]')?.textContent ?? '') !== '');
    const first = (await announcer.textContent()) ?? '';
    expect(first).toMatch(/^.+, .+ — \d+ trên \d+ trong khung nhìn$/);
    await d.page.keyboard.press('ArrowRight');
    await d.page.waitForFunction((before) => document.querySelector('[data-testid="map-announcer"]')?.textContent !== before, first);
    const second = (await announcer.textContent()) ?? '';
    await d.page.keyboard.press('Enter');
    await d.panel().waitFor();
    // The panel opened is the feature the live region named last.
    expect(second.startsWith(`${await d.panelTitle()},`)).toBe(true);
    expect(await d.page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toMatch(/Phím mũi tên/);
  });
});

describe('offline after one visit', () => {
  it('reloads with no network: the map and the data are there', async () => {
    const d = await start('', { serviceWorkers: 'allow' });
    await d.waitForMapIdle();
    // The service worker has installed, precached everything and controls the page.
    await d.page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return Boolean(registration.active && navigator.serviceWorker.controller);
    }, null, { timeout: 60_000 });
    await d.browser.context.setOffline(true);
    await d.page.reload();
    await d.waitForMapIdle();
    await d.search('Móng Cái');
    await d.page.getByTestId('search-results').waitFor();
    expect(await d.page.getByTestId('search-results').textContent()).toMatch(/M(ó|o)ng C(á|a)i/);
    expect(await d.page.getByTestId('error-banner').count()).toBe(0);
    await d.screenshot('offline-reload');
  }, 240_000);
});

describe('no WebGL', () => {
  it('shows the list without writing list=1 into the link, and says why in the UI language', async () => {
    const d = await start('?state=open&lang=vi', { noWebgl: true });
    await d.page.getByTestId('feature-list').waitFor();
    expect(await d.page.getByTestId('error-banner').textContent()).toContain('Trình duyệt này không vẽ được bản đồ: WebGL');
    expect((await d.listedIds()).length).toBeGreaterThan(10);
    // A change the URL writer records, then the link: it carries the change, not the fallback's list.
    await d.toggleState('closed');
    await d.page.waitForFunction(() => (new URLSearchParams(location.search).get('state') ?? '').includes('closed'));
    expect(new URLSearchParams(new URL(d.page.url()).search).get('list')).toBeNull();
  });
});
