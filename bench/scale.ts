/**
 * `npm run bench:scale`: the app and the bare MapLibre page with N synthetic gates (default
 * N = 2,000 and 20,000; `-- --scale 2000,20000 --runs 3`). The gates are made here, in memory,
 * never committed: the real gates plus copies of them with unique ids (and no pair fields, so the
 * copies do not multiply the pair links), placed at evenly spaced vertices of the real border line
 * (public/geo/border.geojson). One small node:http server serves dist/ (the app) and the bare page
 * from the same process with the synthetic gates.geojson in place of the real one, so both pages pay
 * the same for it.
 *
 * Per cold run (fresh Chromium profile, 1280×800), app and bare:
 *   first idle        — the page's first-idle mark;
 *   JS heap           — main thread after first idle and a forced GC (as in bench/run.ts);
 * app only, each timed in the page from the input event and stopped at the first frame after the
 * result is in the DOM (a step that takes longer than STEP_TIMEOUT_MS is recorded as that):
 *   list open         — click "list" → the first feature row is rendered;
 *   search keystroke  — (list open, index built) one more letter typed → results painted;
 *   row click         — click a list row's name → the row is marked selected (painted), and →
 *                       the map's next idle (this includes the 800 ms camera flight).
 * Raw samples go to bench/results/scale.json (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { cpus } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchContext } from '../tests/browser/helpers';
import { freePort } from '../tests/browser/serve';
import { DATA_FILES } from '../src/data/files';
import { KIND } from '../src/data/kinds';
import { heapAfterGc, NAME_SHIM, waitForMark } from './measure';
import { barePageHtml } from './bare-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('scale') ?? '2000,20000').split(',').map(Number).filter((n) => n > 0);
const RUNS = Number(arg('runs') ?? 3);
const VIEWPORT = { width: 1280, height: 800 };
const FIRST_IDLE_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 60_000;
/** Wall-clock budget for all measured runs (the machine's 2 cores are shared). */
const BUDGET_MS = 15 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Target = 'app' | 'bare';
interface Sample {
  firstIdleMs: number;
  heapMB: number;
  listOpenMs?: number;
  searchKeyMs?: number;
  rowSelectMs?: number;
  rowIdleMs?: number;
  heapListMB?: number;
}

// ---------------------------------------------------------------------------------------------
// Synthetic data

interface GeoJson {
  type: string;
  features: { type: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
  [k: string]: unknown;
}

function readGeo(file: string): GeoJson {
  return JSON.parse(readFileSync(join(ROOT, 'public/geo', file), 'utf8')) as GeoJson;
}

function borderVertices(): [number, number][] {
  const out: [number, number][] = [];
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as [number, number]);
    else if (Array.isArray(c)) for (const child of c) visit(child);
  };
  for (const f of readGeo(DATA_FILES.border.file).features) visit(f.geometry.coordinates);
  return out;
}

/** The real gates plus copies up to n, spread over the border line's vertices. */
export function syntheticGates(n: number): Buffer {
  const real = readGeo(KIND.gate.file);
  const vertices = borderVertices();
  const features = [...real.features];
  for (let i = 0; features.length < n; i++) {
    const original = real.features[i % real.features.length];
    const properties: Record<string, unknown> = { ...original.properties, id: `${String(original.properties.id)}-synthetic-${i}` };
    delete properties.pairId;
    delete properties.counterpartId;
    const [lng, lat] = vertices[Math.floor((i * vertices.length) / n) % vertices.length];
    features.push({ ...original, geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
  }
  return Buffer.from(JSON.stringify({ ...real, features }));
}

// ---------------------------------------------------------------------------------------------
// One server for both pages

function bareHtml(): string {
  // The same page as bench/run.ts draws, its MapLibre files under /bare/.
  return barePageHtml('/bare/');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.geojson': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
};

let gatesBody: Buffer = Buffer.alloc(0);

export function startServer(port: number, n: number): Promise<Server> {
  gatesBody = syntheticGates(n);
  const dist = join(ROOT, 'dist');
  const bare = new Map<string, { body: Buffer; type: string }>([
    ['/bare/', { body: Buffer.from(bareHtml()), type: TYPES['.html'] }],
    ['/bare/maplibre-gl.mjs', { body: readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs')), type: TYPES['.js'] }],
    ['/bare/maplibre-gl-worker.mjs', { body: readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')), type: TYPES['.js'] }],
    ['/bare/maplibre-gl.css', { body: readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css')), type: TYPES['.css'] }],
  ]);
  const server = createHttpServer((req, res) => {
    const route = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const send = (body: Buffer, type: string) => res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' }).end(body);
    if (route.endsWith(`/geo/${KIND.gate.file}`)) return send(gatesBody, TYPES['.geojson']);
    const fixed = bare.get(route);
    if (fixed) return send(fixed.body, fixed.type);
    const path = normalize(join(dist, route === '/' ? 'index.html' : route));
    if (!path.startsWith(dist) || !existsSync(path) || route.endsWith('/')) return send(readFileSync(join(dist, 'index.html')), TYPES['.html']);
    send(readFileSync(path), TYPES[extname(path)] ?? 'application/octet-stream');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring


/**
 * Arms an in-page clock: it starts at the next `event` on window (capture phase, before the app's
 * handlers) and stops at the first animation frame after `done()` holds (checked after the event's
 * handlers, then on each frame). Returns a handle the caller awaits after triggering the event.
 */
/** What ends a timed step: an element matching `selector` exists (and, if given, the search input holds `value`). No eval: the app's CSP forbids it. */
interface Done {
  selector: string;
  value?: string;
}

async function armClock(page: Page, event: string, done: Done, extra: 'none' | 'idle' = 'none') {
  await page.evaluate(
    ({ event, done, extra, timeout }) => {
      const w = window as unknown as { __clock?: Promise<{ ms: number; idleMs?: number }> };
      const check = () =>
        !!document.querySelector(done.selector) &&
        (done.value === undefined || (document.querySelector('[data-testid=search-input]') as HTMLInputElement | null)?.value === done.value);
      w.__clock = new Promise((resolveClock, reject) => {
        setTimeout(() => reject(new Error(`timeout: ${done}`)), timeout);
        window.addEventListener(
          event,
          () => {
            const t0 = performance.now();
            // The next idle; or, when the selection moves no camera (the map may not render again),
            // the first frame after the selection where the map is still and its tiles are loaded.
            const map = window.__map!;
            const idle =
              extra === 'idle'
                ? new Promise<number>((r) => {
                    map.once('idle', () => r(performance.now() - t0));
                    const still = () => (check() && !map.isMoving() && map.areTilesLoaded() ? r(performance.now() - t0) : requestAnimationFrame(still));
                    setTimeout(() => requestAnimationFrame(still), 50);
                  })
                : Promise.resolve(undefined);
            const poll = () => {
              if (check()) requestAnimationFrame(() => { const ms = performance.now() - t0; void idle.then((idleMs) => resolveClock({ ms, idleMs })); });
              else requestAnimationFrame(poll);
            };
            // After the app's own handlers for this event (React commits discrete events synchronously).
            setTimeout(poll, 0);
          },
          { capture: true, once: true },
        );
      });
    },
    { event, done, extra, timeout: STEP_TIMEOUT_MS },
  );
  return () =>
    page.evaluate(() => (window as unknown as { __clock: Promise<{ ms: number; idleMs?: number }> }).__clock).catch(() => ({ ms: STEP_TIMEOUT_MS, idleMs: STEP_TIMEOUT_MS }));
}

async function measure(target: Target, url: string, errors: string[]): Promise<Sample> {
  const browser = await launchContext({ viewport: VIEWPORT });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => errors.push(`${target}: ${String(e)}`));
    await page.addInitScript(NAME_SHIM);
    await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])[a-z]+:\/\//, (route) => route.abort());
    await page.goto(url, { timeout: FIRST_IDLE_TIMEOUT_MS });
    const firstIdleMs = await waitForMark(page, target === 'app' ? 'border-atlas:first-idle' : 'bare:first-idle', FIRST_IDLE_TIMEOUT_MS);
    await sleep(500);
    const heapMB = await heapAfterGc(page);
    if (target === 'bare') return { firstIdleMs, heapMB };
    const opts = { timeout: STEP_TIMEOUT_MS };

    // The list.
    let stop = await armClock(page, 'click', { selector: '[data-testid=feature-list] [data-feature-id]' });
    await page.locator('[data-testid=list-toggle]').click(opts);
    const listOpenMs = (await stop()).ms;
    await sleep(300);

    // Search: focus builds the index; the first letter shows results; the second is timed.
    const input = page.locator('[data-testid=search-input]');
    await input.click(opts);
    await input.pressSequentially('l', opts);
    await page.locator('[data-testid=search-results]').waitFor(opts);
    await sleep(300);
    stop = await armClock(page, 'keydown', { selector: '[data-testid=search-results]', value: 'la' });
    await input.press('a', opts);
    const searchKeyMs = (await stop()).ms;
    await input.press('Escape', opts);
    await input.fill('', opts);
    await sleep(300);

    // A row in the middle of the list (a synthetic gate at 2,000 and 20,000).
    const rows = page.locator('[data-testid=feature-list] [data-feature-id]');
    const row = rows.nth(Math.min(30, (await rows.count()) - 1));
    const id = await row.getAttribute('data-feature-id', opts);
    await page.evaluate((rowId) => document.querySelector(`[data-feature-id="${rowId}"]`)?.scrollIntoView({ block: 'center' }), id);
    await sleep(300);
    stop = await armClock(page, 'click', { selector: `[data-feature-id="${id}"][aria-selected=true]` }, 'idle');
    // By id, not `row` (nth of the rows rendered): scrolling re-windows the list, and nth(30) then
    // names another row, whose selection the clock above never sees.
    await page.locator(`[data-testid=feature-list] [data-feature-id="${id}"] button`).first().click(opts);
    const selected = await stop();
    await sleep(500);
    const heapListMB = await heapAfterGc(page);
    return { firstIdleMs, heapMB, listOpenMs, searchKeyMs, rowSelectMs: selected.ms, rowIdleMs: selected.idleMs, heapListMB };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No browser at ${CHROMIUM_PATH}`);
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('No dist/: run `npm run bench:scale` (it builds first).');
  const port = await freePort();
  let server = await startServer(port, SIZES[0]);
  const urls: Record<Target, string> = { app: `http://127.0.0.1:${port}/`, bare: `http://127.0.0.1:${port}/bare/` };
  const started = Date.now();
  const errors: string[] = [];
  const results: { n: number; samples: Record<Target, Sample[]> }[] = [];
  try {
    for (const n of SIZES) {
      server.close();
      server = await startServer(port, n);
      console.log(`scale: ${n} gates (${(gatesBody.length / 2 ** 20).toFixed(1)} MB gates.geojson), ${RUNS} cold runs each`);
      const samples: Record<Target, Sample[]> = { app: [], bare: [] };
      results.push({ n, samples });
      for (let run = 0; run < RUNS && Date.now() - started < BUDGET_MS; run++) {
        for (const target of (run % 2 ? ['bare', 'app'] : ['app', 'bare']) as Target[]) {
          try {
            const s = await measure(target, urls[target], errors);
            samples[target].push(s);
            console.log(`  run ${run + 1} ${target.padEnd(4)} ${Object.entries(s).map(([k, v]) => `${k} ${(v as number).toFixed(0)}`).join(', ')}`);
          } catch (error) {
            console.log(`  run ${run + 1} ${target}: FAILED ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
    }
  } finally {
    server.close();
  }
  const fmt = (x: number, unit: string) => (Number.isFinite(x) ? `${x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1)} ${unit}` : '—');
  const lines = ['| gates | first idle app / bare (ratio) | list open | search keystroke | row click → selected / map idle | heap app / bare (after list) |', '| --: | --: | --: | --: | --: | --: |'];
  for (const { n, samples } of results) {
    const a = (k: keyof Sample) => median(samples.app.map((s) => s[k] ?? NaN));
    const b = (k: keyof Sample) => median(samples.bare.map((s) => s[k] ?? NaN));
    lines.push(
      `| ${n.toLocaleString('en')} | ${fmt(a('firstIdleMs'), 'ms')} / ${fmt(b('firstIdleMs'), 'ms')} (${(a('firstIdleMs') / b('firstIdleMs')).toFixed(2)}) | ${fmt(a('listOpenMs'), 'ms')} | ${fmt(a('searchKeyMs'), 'ms')} | ${fmt(a('rowSelectMs'), 'ms')} / ${fmt(a('rowIdleMs'), 'ms')} | ${fmt(a('heapMB'), 'MB')} / ${fmt(b('heapMB'), 'MB')} (${fmt(a('heapListMB'), 'MB')}) |`,
    );
  }
  console.log(`\nMedians (app runs: ${results.map((r) => r.samples.app.length).join('/')}), ${cpus().length} cores, timeouts count as ${STEP_TIMEOUT_MS} ms:\n`);
  console.log(lines.join('\n'));
  if (errors.length) console.log(`\npage errors (${errors.length}): ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/scale.json'), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, viewport: VIEWPORT, results, table: lines, pageErrors: errors, elapsedS: Math.round((Date.now() - started) / 1000) }, null, 2)}\n`);
  console.log(`\nwrote bench/results/scale.json (${Math.round((Date.now() - started) / 1000)} s)`);
}

if (process.argv[1]?.endsWith('scale.ts')) main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
