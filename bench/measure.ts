/**
 * What both benchmarks (bench/run.ts, bench/scale.ts) measure a page with: the first-idle mark and
 * the main thread's JS heap after a forced GC.
 */
import type { Page } from 'playwright-core';

/** tsx (esbuild) may wrap functions passed to page.evaluate in `__name(...)`; make that a no-op. */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Milliseconds from navigation to the User Timing mark, waiting for it up to `timeoutMs`. */
export async function waitForMark(page: Page, mark: string, timeoutMs: number): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: timeoutMs, polling: 100 });
  return page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark);
}

/** JSHeapUsedSize in MB after a forced garbage collection (MapLibre's workers are not counted). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('no JSHeapUsedSize');
    return used / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
