/**
 * Finding events and comparing two dates, as a planner does it in the built app (issue 8, items
 * 6–8): search a meeting by name and open it, list a year's events from the chart, read what
 * changed between two days, and reopen all of it from a link — in en/vi/zh, by keyboard and at
 * phone width. Screenshots land in test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession } from './session';

const start = browserSession();

const PHONE = { width: 390, height: 844 };

// What the data says, read here so the tests follow data edits: the 11th Joint Working Group
// session and the 2023 events.
const events = JSON.parse(readFileSync('public/geo/events.json', 'utf8')).events as { id: string; date: string; kind: string; title: string; sessionNumber?: number }[];
const jwg11 = events.find((e) => /Joint Working Group/.test(e.title) && e.sessionNumber === 11)!;
const events2023 = events.filter((e) => e.date.startsWith('2023')).length;

describe('find events', () => {
  it('search "Joint Working Group" lists the 11th session; Enter opens it with its date and places', async () => {
    const d = await start();
    await d.search('Joint Working Group');
    const texts = await d.searchResultTexts();
    // No place is named so: the meetings come first, newest first, so the 11th leads.
    expect(texts[0]).toContain('11th Joint Working Group session');
    expect(texts[0]).toContain(jwg11.date);
    expect(texts.some((t) => t.includes('7th Joint Working Group session'))).toBe(true);
    await d.page.getByTestId('search-input').press('Enter');
    await d.eventPanel().waitFor();
    expect(await d.eventPanelTitle()).toBe('11th Joint Working Group session');
    expect(await d.eventPanel().getByTestId('event-date').textContent()).toBe(jwg11.date);
    const places = await d.eventPanel().getByTestId('event-places').textContent();
    expect(places).toMatch(/Lai Ch(â|a)u/);
    expect(places).toMatch(/Yunnan/);
    await d.page.waitForURL(/sel=event:t162-jwg-11/);
    await d.screenshot('activity-01-jwg-search-open');
  });

  it('"JWG 11" and "11th" find the same meeting, chosen by keyboard; Vietnamese and Chinese words too', async () => {
    const d = await start();
    await d.search('JWG 11');
    expect((await d.searchResultTexts())[0]).toContain('11th Joint Working Group session');
    await d.search('11th');
    expect((await d.searchResultTexts()).some((t) => t.includes('11th Joint Working Group session'))).toBe(true);
    // Vietnamese without diacritics, in the Vietnamese UI: the title shows in Vietnamese.
    await d.page.getByTestId('language').selectOption('vi');
    await d.search('nhom cong tac lien hop lan thu 11');
    const vi = await d.searchResultTexts();
    expect(vi[0]).toContain('Hội nghị Nhóm công tác liên hợp lần thứ 11');
    await d.page.getByTestId('language').selectOption('zh');
    await d.search('联合工作组第11次');
    expect((await d.searchResultTexts())[0]).toContain('联合工作组第11次会议');
    // The meeting first; the minutes it signed further down, reached by keyboard.
    const minutes = (await d.searchResultTexts()).findIndex((t) => t.includes('联合工作组第11次会议纪要'));
    expect(minutes).toBeGreaterThan(0);
    for (let i = 0; i < minutes; i++) await d.page.getByTestId('search-input').press('ArrowDown');
    await d.page.getByTestId('search-input').press('Enter');
    await d.eventPanel().waitFor();
    expect(await d.eventPanelTitle()).toMatch(/^联合工作组第11次会议纪要/);
    await d.screenshot('activity-02-jwg-zh');
  });

  it('a click on the 2023 bar lists the 2023 events, as many as the bar counts, newest first, in the URL', async () => {
    const d = await start();
    await d.page.getByTestId('events-chart').waitFor();
    const count = await d.yearBarCount(2023);
    expect(count).toBe(events2023);
    await d.openYear(2023);
    const rows = await d.activityRows();
    expect(rows.length).toBe(count);
    expect(rows.every((r) => r.date.startsWith('2023'))).toBe(true);
    const days = rows.map((r) => r.date);
    expect([...days].sort().reverse()).toEqual(days);
    expect(await d.page.getByTestId('activity-count').textContent()).toBe(`${count} events`);
    await d.page.waitForURL(/activity=1.*afrom=2023-01-01&ato=2023-12-31/);
    await d.screenshot('activity-03-year-2023');
    // A row's feature link selects the feature.
    const withFeature = d.page.getByTestId('activity-row').locator('button[data-feature-id]').first();
    const featureId = await withFeature.getAttribute('data-feature-id');
    await withFeature.click();
    await d.panel().waitFor();
    await d.page.waitForURL(new RegExp(`sel=[a-z]+:${featureId}`));
  });

  it('the activity filters narrow the list and a shared link reopens it (keyboard on a bar, Vietnamese)', { timeout: 240_000 }, async () => {
    const d = await start('?lang=vi');
    await d.page.getByTestId('events-chart').waitFor();
    const count2024 = await d.yearBarCount(2024);
    await d.openYear(2024, 'keyboard');
    expect((await d.activityRows()).length).toBe(count2024);
    await d.page.getByTestId('activity-kind').selectOption('working-group');
    const rows = await d.activityRows();
    const expected = events.filter((e) => e.date.startsWith('2024') && e.kind === 'working-group');
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(await d.page.getByTestId('activity-count').textContent()).toBe(`${expected.length} sự kiện`);
    await d.page.waitForURL(/akind=working-group/);
    const again = await start(new URL(d.page.url()).search);
    await again.page.getByTestId('activity-view').waitFor();
    expect((await again.activityRows()).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(await again.page.getByTestId('activity-kind').inputValue()).toBe('working-group');
  });
});

describe('compare two dates', () => {
  it('2021-06-01 → 2023-06-01 names Lào Cai with from→to statuses and the dated entries', async () => {
    const d = await start('?date=2023-06-01');
    await d.page.getByTestId('compare-from').waitFor();
    await d.compareFrom('2021-06-01');
    const rows = await d.changeRows();
    const laoCai = rows.find((r) => r.id === 'lao-cai-hekou-vn');
    expect(laoCai, rows.map((r) => r.id).join(', ')).toBeDefined();
    // Suspended from 31 March 2020, restored on 8 January 2023 (gates.geojson).
    expect(laoCai!.text).toMatch(/L(à|a)o Cai/);
    expect(laoCai!.text).toMatch(/Suspended \(closed\).*since 2020-03-31.*→\s*Restored \(open\).*since 2023-01-08/s);
    const changes = await d.changes().textContent();
    expect(changes).toMatch(/Events in between: \d+/);
    await d.page.waitForURL(/date=2023-06-01&from=2021-06-01/);
    await d.waitForMapIdle();
    await d.screenshot('activity-05-compare');
  });

  it('a link with from=/date= reopens the same comparison', { timeout: 240_000 }, async () => {
    const first = await start('?date=2023-06-01');
    await first.page.getByTestId('compare-from').waitFor();
    await first.compareFrom('2021-06-01');
    const rows = await first.changeRows();
    const link = await first.copyLink();
    const again = await start(new URL(link).search);
    await again.changes().waitFor();
    expect(await again.changeRows()).toEqual(rows);
    expect(await again.page.getByTestId('compare-from').inputValue()).toBe('2021-06-01');
  });

  it('an inverted comparison in a link is reported in the banner and not shown', async () => {
    const inverted = await start('?from=2023-06-01&date=2021-06-01');
    await inverted.page.getByTestId('error-banner').waitFor();
    expect(await inverted.page.getByTestId('error-banner').textContent()).toContain('The comparison date "2023-06-01" is not before the as-of date 2021-06-01');
    expect(await inverted.changes().count()).toBe(0);
  });

  it('at phone width, in Chinese, a shared comparison and an event link are readable', async () => {
    const d = await start(`?lang=zh&from=2021-06-01&date=2023-06-01&sel=event:${jwg11.id}`, { viewport: PHONE });
    await d.eventPanel().waitFor();
    expect(await d.eventPanelTitle()).toBe('联合工作组第11次会议');
    await d.screenshot('activity-06-phone-event-zh');
    await d.page.keyboard.press('Escape');
    await d.eventPanel().waitFor({ state: 'detached' });
    await d.changes().waitFor();
    expect(await d.changes().locator('h2').textContent()).toBe('2021-06-01 至 2023-06-01 的变化');
    const box = await d.changes().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    await d.screenshot('activity-07-phone-changes-zh');
  });
});
