/**
 * Keyboard and screen readers: axe-core finds no violation on five views (start, gate panel,
 * province panel, list, phone width) in each UI language.
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from './session';

const start = browserSession();

// Skipped on 30 Nov 2026: after the day's merges axe reports violations in these views (not yet
// fixed); see the session note. Re-enable first thing.
describe.each(['en', 'vi', 'zh'])('axe-core, UI in %s', (lang) => {
  it('start, list, gate panel and province panel have no violations', async () => {
    const d = await start(`?lang=${lang}`);
    await d.waitForMapIdle();
    const found: Record<string, string[]> = {};
    found.start = await d.axeViolations();
    await d.openList();
    await d.page.getByTestId('feature-list').waitFor();
    found.list = await d.axeViolations();
    await d.search('Hữu Nghị');
    await d.chooseFirstSearchResult();
    await d.panel().waitFor();
    found.gatePanel = await d.axeViolations();
    await d.page.goto(d.page.url().replace(/\?.*$/, `?lang=${lang}&sel=province:lang-son`));
    await d.page.getByTestId('province-panel').waitFor();
    found.provincePanel = await d.axeViolations();
    expect(found).toEqual({ start: [], list: [], gatePanel: [], provincePanel: [] });
    expect(await d.cspViolations()).toEqual([]);
  }, 400_000);

  it('phone width 390×844, with the filters drawer open too, has no violations', async () => {
    const d = await start(`?lang=${lang}`, { viewport: { width: 390, height: 844 } });
    await d.waitForMapIdle();
    const phone = await d.axeViolations();
    await d.page.getByTestId('filters-toggle').click();
    const drawer = await d.axeViolations();
    expect({ phone, drawer }).toEqual({ phone: [], drawer: [] });
  }, 300_000);
});
