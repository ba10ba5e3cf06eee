/**
 * Issue 10: a map a planner can find their way on. Context layers (places and rivers) at five
 * crossings, markers that never share a pixel, and the OpenStreetMap switch with its fallback.
 * Screenshots land in test-results/screenshots — look at them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasDriver } from './driver';
import { CONTEXT_LAYER } from '../../src/map/context';

let open: AtlasDriver[] = [];
async function start(search = '', options?: Parameters<typeof AtlasDriver.open>[1]) {
  const driver = await AtlasDriver.open(search, options);
  open.push(driver);
  return driver;
}
afterEach(async () => {
  for (const d of open) await d.close();
  open = [];
});

/** Five busy crossings at zoom 12 (the Vietnamese gate's position) and names a planner expects there. */
const CROSSINGS: { name: string; at: [number, number]; expect: string[] }[] = [
  { name: 'huu-nghi', at: [106.711, 21.971], expect: ['Thị Trấn Đồng Đăng'] },
  { name: 'lao-cai', at: [103.95691, 22.507], expect: ['Lào Cai', 'Hekou'] },
  { name: 'mong-cai', at: [107.96681, 21.53386], expect: ['Móng Cái', 'Dongxing'] },
  { name: 'thanh-thuy', at: [104.8496, 22.9369], expect: ['Minh Tân'] },
  { name: 'ta-lung', at: [106.57778, 22.47528], expect: ['Thị Trấn Tà Lùng', 'Shuikou town'] },
];

describe('context layers at zoom 12', () => {
  for (const crossing of CROSSINGS) {
    it(`names places and draws rivers around ${crossing.name}`, { timeout: 120_000 }, async () => {
      const driver = await start(`?v=1&map=12/${crossing.at[1]}/${crossing.at[0]}`);
      await driver.waitForMapIdle();
      await driver.waitForMapSettled();
      await driver.page.waitForFunction(() => document.querySelectorAll('.map-label--place:not([hidden])').length > 0, null, { timeout: 30_000 });
      await driver.screenshot(`mapctx-z12-${crossing.name}`);
      const names = await driver.placeLabels();
      for (const name of crossing.expect) expect(names).toContain(name);
      expect(await driver.renderedCount(CONTEXT_LAYER.rivers)).toBeGreaterThan(0);
    });
  }

  it('shows Chinese characters for places in the Chinese interface', { timeout: 120_000 }, async () => {
    const driver = await start('?v=1&lang=zh&map=12/22.507/103.95691');
    await driver.waitForMapIdle();
    await driver.waitForMapSettled();
    await driver.page.waitForFunction(() => document.querySelectorAll('.map-label--place:not([hidden])').length > 0, null, { timeout: 30_000 });
    await driver.screenshot('mapctx-z12-lao-cai-zh');
    expect(await driver.placeLabels()).toEqual(expect.arrayContaining(['老街市', '河口']));
  });
});
