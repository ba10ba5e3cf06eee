/**
 * One browser session per spec: `start()` opens the app in a fresh Chromium profile through the
 * driver, and every browser a test opened is closed after it, pass or fail.
 */
import { afterEach } from 'vitest';
import { AtlasDriver } from './driver';

export type StartOptions = Parameters<typeof AtlasDriver.open>[1];

/** Registers the after-each cleanup and returns the spec's `start(search, options)`. */
export function browserSession(): (search?: string, options?: StartOptions) => Promise<AtlasDriver> {
  let open: AtlasDriver[] = [];
  afterEach(async () => {
    for (const driver of open) await driver.close();
    open = [];
  });
  return async (search = '', options) => {
    const driver = await AtlasDriver.open(search, options);
    open.push(driver);
    return driver;
  };
}
