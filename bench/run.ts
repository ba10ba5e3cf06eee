/**
 * `npm run bench`: measures the built app and a bare MapLibre page with the same data, in the same
 * run, on the same machine, and prints medians and ratios (app / bare). Absolute times belong here,
 * never in tests (shared/notes/browser-testing.md).
 *
 * - The app: dist/ served by `vite preview` on 127.0.0.1.
 * - The bare page: a tiny node:http server on 127.0.0.1 serving one HTML page, maplibre-gl's ESM
 *   build and worker (maplibre-gl 6 ships no UMD build) and the same public/geo/*.geojson files.
 *   Its style: a background, a fill for the basemap, a line for the border, one circle layer per
 *   point file; sources are GeoJSON by URL. It marks 'bare:first-idle' at the first idle.
 *
 * Per cold run (a fresh Chromium profile via launchContext, 1280×800), for each page:
 *   first idle   — the page's first-idle User Timing mark (ms since navigation start);
 *   JS heap      — JSHeapUsedSize (CDP Performance.getMetrics) after first idle and a forced GC;
 *                  main thread only, MapLibre's workers are not counted;
 *   filter→idle  — app: click the "open" state checkbox; bare: setFilter on the gates layer
 *                  with half the gate ids; from the click (in-page clock) to the next map 'idle';
 *   pan fps      — requestAnimationFrame callbacks per second during a 2 s mouse drag on the map
 *                  (plus MapLibre 'render' events per second, for reference).
 *
 * Bounded: every wait has a timeout, loops are counted, and runs stop early (with a warning) when
 * the time budget is spent. Only 127.0.0.1 is contacted; other requests are aborted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchContext } from '../tests/browser/helpers';
import { freePort, waitForUrl } from '../tests/browser/serve';
import { DATA_FILES } from '../src/data/files';
import { KIND } from '../src/data/kinds';
import { heapAfterGc, NAME_SHIM, waitForMark } from './measure';
import { barePageHtml, POINT_FILES } from './bare-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEWPORT = { width: 1280, height: 800 };
/** Wall-clock budget for the measured runs (the build comes before and is not counted). */
const BUDGET_MS = 270_000;
const FIRST_IDLE_TIMEOUT_MS = 60_000;
const FILTER_IDLE_TIMEOUT_MS = 20_000;
const PAN_MS = 2_000;
const GEO_FILES = [DATA_FILES.border.file, DATA_FILES.basemap.file, ...POINT_FILES.map((p) => p.file)];

type Target = 'app' | 'bare';
interface Sample {
  firstIdleMs: number;
  heapMB: number;
  filterIdleMs: number;
  panFps: number;
  panRendersPerS: number;
  /** CSS size of the map canvas: the app's map shares the window with its panels. */
  canvas: string;
}
const METRICS: { key: Exclude<keyof Sample, 'canvas'>; label: string; digits: number }[] = [
  { key: 'firstIdleMs', label: 'first idle (ms)', digits: 0 },
  { key: 'filterIdleMs', label: 'filter change → idle (ms)', digits: 0 },
  { key: 'heapMB', label: 'JS heap after first idle (MB)', digits: 1 },
  { key: 'panFps', label: 'pan fps (rAF callbacks/s)', digits: 1 },
  { key: 'panRendersPerS', label: 'pan map renders/s', digits: 1 },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


// ---------------------------------------------------------------------------------------------
// The bare page

function bareHtml(): string {
  return barePageHtml('/');
}

function startBareServer(port: number): Promise<Server> {
  const html = bareHtml();
  const files = new Map<string, { path: string; type: string }>([
    ['/maplibre-gl.mjs', { path: 'node_modules/maplibre-gl/dist/maplibre-gl.mjs', type: 'text/javascript' }],
    ['/maplibre-gl-worker.mjs', { path: 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', type: 'text/javascript' }],
    ['/maplibre-gl.css', { path: 'node_modules/maplibre-gl/dist/maplibre-gl.css', type: 'text/css' }],
    ...GEO_FILES.map((f) => [`/geo/${f}`, { path: `public/geo/${f}`, type: 'application/json' }] as const),
  ]);
  // Read once up front, so serving costs the same on every run.
  const bodies = new Map([...files].map(([route, f]) => [route, { body: readFileSync(join(ROOT, f.path)), type: f.type }]));
  bodies.set('/', { body: Buffer.from(html), type: 'text/html; charset=utf-8' });
  const server = createHttpServer((req, res) => {
    const route = (req.url ?? '/').split('?')[0];
    const entry = req.method === 'GET' ? bodies.get(route) : undefined;
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': entry.type, 'content-length': entry.body.length, 'cache-control': 'no-store' }).end(entry.body);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveServer(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring one page



/** Arms a one-shot timer in the page: started by `arm()`'s trigger, stopped by the next map idle. */
async function filterToIdle(page: Page, target: Target, halfGateIds: string[]): Promise<number> {
  if (target === 'app') {
    // Start the clock in the page when the click is dispatched (capture phase, before React's
    // handler changes the store, whose subscription calls map.setFilter synchronously).
    await page.evaluate(() => {
      const w = window as unknown as { __benchFilter?: Promise<number> };
      w.__benchFilter = new Promise<number>((resolveIdle) => {
        window.addEventListener(
          'click',
          () => {
            const t0 = performance.now();
            window.__map!.once('idle', () => resolveIdle(performance.now() - t0));
          },
          { capture: true, once: true },
        );
      });
    });
    await page.locator('[data-testid=filter-states] input[value=open]').click({ timeout: FILTER_IDLE_TIMEOUT_MS });
  } else {
    await page.evaluate((ids) => {
      const w = window as unknown as { __benchFilter?: Promise<number> };
      const map = window.__map!;
      const t0 = performance.now();
      w.__benchFilter = new Promise<number>((resolveIdle) => map.once('idle', () => resolveIdle(performance.now() - t0)));
      map.setFilter('gates', ['in', ['get', 'id'], ['literal', ids]]);
    }, halfGateIds);
  }
  return page.evaluate(
    (timeout) =>
      Promise.race([
        (window as unknown as { __benchFilter: Promise<number> }).__benchFilter,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no idle after the filter change')), timeout)),
      ]),
    FILTER_IDLE_TIMEOUT_MS,
  );
}

/** Drags back and forth across the map for PAN_MS while the page counts animation frames. */
async function panFrameRate(page: Page): Promise<{ fps: number; rendersPerS: number }> {
  // Start the drag on bare canvas (not on a DOM label, marker or control) near the map's centre.
  const box = await page.evaluate(() => {
    const canvas = window.__map!.getCanvas();
    const r = canvas.getBoundingClientRect();
    const offsets = [0, -40, 40, -80, 80, -120, 120];
    for (const oy of offsets)
      for (const ox of offsets) {
        const x = r.left + r.width / 2 + ox;
        const y = r.top + r.height / 2 + oy;
        if (document.elementFromPoint(x, y) === canvas) return { cx: x, cy: y, width: r.width };
      }
    return { cx: r.left + r.width / 2, cy: r.top + r.height / 2, width: r.width };
  });
  const { cx, cy } = box;
  const amplitude = Math.min(250, box.width / 3);
  await page.evaluate(() => {
    const w = window as unknown as { __benchPan: { running: boolean; frames: number; renders: number; t0: number; t1: number } };
    const state = { running: true, frames: 0, renders: 0, t0: performance.now(), t1: 0 };
    w.__benchPan = state;
    const tick = () => {
      if (!state.running) return;
      state.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const onRender = () => {
      if (state.running) state.renders++;
      else window.__map!.off('render', onRender);
    };
    window.__map!.on('render', onRender);
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  let x = cx;
  let dx = 12;
  // At most one move per 16 ms and never more than 500 moves, whatever the page does.
  for (let i = 0; i < 500 && Date.now() - start < PAN_MS; i++) {
    if (x + dx > cx + amplitude || x + dx < cx - amplitude) dx = -dx;
    x += dx;
    const step = Date.now();
    await page.mouse.move(x, cy + dx / 3);
    const spent = Date.now() - step;
    if (spent < 16) await sleep(16 - spent);
  }
  const result = await page.evaluate(() => {
    const state = (window as unknown as { __benchPan: { running: boolean; frames: number; renders: number; t0: number; t1: number } }).__benchPan;
    state.running = false;
    const seconds = (performance.now() - state.t0) / 1000;
    return { fps: state.frames / seconds, rendersPerS: state.renders / seconds };
  });
  await page.mouse.up();
  return result;
}

async function measure(target: Target, url: string, halfGateIds: string[], errors: string[]): Promise<Sample> {
  const browser = await launchContext({ viewport: VIEWPORT });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(`${target}: ${String(e)}`));
    await page.addInitScript(NAME_SHIM);
    // Loopback only; the same routing on both pages, so its cost is the same on both sides.
    await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])[a-z]+:\/\//, (route) => route.abort());
    await page.goto(url, { timeout: FIRST_IDLE_TIMEOUT_MS });
    const firstIdleMs = await waitForMark(page, target === 'app' ? 'border-atlas:first-idle' : 'bare:first-idle', FIRST_IDLE_TIMEOUT_MS);
    await sleep(500); // let late work after the first idle (fonts, labels, React) settle
    const heapMB = await heapAfterGc(page);
    await sleep(300);
    const filterIdleMs = await filterToIdle(page, target, halfGateIds);
    await sleep(300);
    const pan = await panFrameRate(page);
    const canvas = await page.evaluate(() => {
      const r = window.__map!.getCanvas().getBoundingClientRect();
      return `${Math.round(r.width)}×${Math.round(r.height)}`;
    });
    return { firstIdleMs, heapMB, filterIdleMs, panFps: pan.fps, panRendersPerS: pan.rendersPerS, canvas };
  } finally {
    await browser.close();
  }
}

async function rendererInfo(url: string): Promise<string> {
  const browser = await launchContext({ viewport: VIEWPORT });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript(NAME_SHIM);
    await page.goto(url);
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL2';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return `${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chrome ?'}; ${ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)}`;
    });
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function table(samples: Record<Target, Sample[]>) {
  const rows = METRICS.map(({ key, label, digits }) => {
    const app = median(samples.app.map((s) => s[key]));
    const bare = median(samples.bare.map((s) => s[key]));
    return { metric: label, app: app.toFixed(digits), bare: bare.toFixed(digits), ratio: (app / bare).toFixed(2) };
  });
  const header = { metric: 'metric', app: 'app', bare: 'bare', ratio: 'ratio (app/bare)' };
  const width = (k: keyof typeof header) => Math.max(header[k].length, ...rows.map((r) => r[k].length));
  const line = (r: typeof header) =>
    `| ${r.metric.padEnd(width('metric'))} | ${r.app.padStart(width('app'))} | ${r.bare.padStart(width('bare'))} | ${r.ratio.padStart(width('ratio'))} |`;
  const rule = `|${'-'.repeat(width('metric') + 2)}|${'-'.repeat(width('app') + 1)}:|${'-'.repeat(width('bare') + 1)}:|${'-'.repeat(width('ratio') + 1)}:|`;
  return { text: [line(header), rule, ...rows.map(line)].join('\n'), rows };
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium, or set BORDER_ATLAS_CHROMIUM.`);
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('No dist/: run `npm run bench` (it builds first) or `vite build`.');
  const gates = JSON.parse(readFileSync(join(ROOT, 'public/geo', KIND.gate.file), 'utf8')) as { features: { properties: { id: string } }[] };
  const gateIds = gates.features.map((f) => f.properties.id);
  const halfGateIds = gateIds.filter((_, i) => i % 2 === 0);

  const appPort = await freePort();
  let preview: ChildProcess | null = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(appPort)], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const barePort = await freePort();
  const bare = await startBareServer(barePort);
  const stopServers = () => {
    if (preview?.pid) {
      try {
        process.kill(-preview.pid, 'SIGTERM');
      } catch {
        preview.kill('SIGTERM');
      }
    }
    preview = null;
    bare.close();
  };
  process.once('SIGINT', () => {
    stopServers();
    process.exit(130);
  });

  const urls: Record<Target, string> = { app: `http://127.0.0.1:${appPort}/`, bare: `http://127.0.0.1:${barePort}/` };
  const samples: Record<Target, Sample[]> = { app: [], bare: [] };
  const errors: string[] = [];
  const failures: string[] = [];
  let renderer: string;
  const started = Date.now();
  try {
    await waitForUrl(urls.app, 60_000);
    await waitForUrl(urls.bare, 10_000);
    renderer = await rendererInfo(urls.bare);
    console.log(`bench: ${RUNS} cold runs each of the app (${urls.app}) and a bare MapLibre page (${urls.bare}); ${renderer}`);
    for (let run = 0; run < RUNS; run++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      const order: Target[] = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      for (const target of order) {
        if (Date.now() - started > BUDGET_MS) break;
        try {
          const s = await measure(target, urls[target], halfGateIds, errors);
          samples[target].push(s);
          console.log(
            `  run ${run + 1} ${target.padEnd(4)}  first idle ${s.firstIdleMs.toFixed(0)} ms, filter→idle ${s.filterIdleMs.toFixed(0)} ms, heap ${s.heapMB.toFixed(1)} MB, pan ${s.panFps.toFixed(1)} fps (${s.panRendersPerS.toFixed(1)} renders/s), map ${s.canvas}`,
          );
        } catch (error) {
          failures.push(`run ${run + 1} ${target}: ${(error as Error).message.split('\n')[0]}`);
          console.log(`  run ${run + 1} ${target}: FAILED ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (Date.now() - started > BUDGET_MS) {
        console.log(`bench: time budget (${BUDGET_MS / 1000} s) spent after ${run + 1} run(s); stopping early.`);
        break;
      }
    }
  } finally {
    stopServers();
  }

  if (!samples.app.length || !samples.bare.length) {
    console.error(`bench: no complete samples (${failures.join('; ')})`);
    process.exitCode = 1;
    return;
  }
  const { text, rows } = table(samples);
  console.log(`\nMedians of ${samples.app.length} (app) / ${samples.bare.length} (bare) cold runs at ${VIEWPORT.width}×${VIEWPORT.height}, ${cpus().length} cores, ${renderer}:\n`);
  console.log(text);
  if (errors.length) console.log(`\npage errors (${errors.length}): ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  if (failures.length) console.log(`\nfailed runs: ${failures.join('; ')}`);

  const outDir = join(ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, renderer },
    runs: RUNS,
    viewport: VIEWPORT,
    medians: rows,
    samples,
    pageErrors: errors,
    failures,
    elapsedS: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote bench/results/latest.json (${result.elapsedS} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
