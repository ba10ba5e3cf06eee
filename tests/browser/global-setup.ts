/**
 * Builds the app once and serves the production build on 127.0.0.1 for the browser tests.
 * The URL is handed to the specs through the BORDER_ATLAS_URL environment variable.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './helpers';
import { freePort, waitForUrl } from './serve';

let server: ChildProcess | null = null;

export async function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No browser at ${CHROMIUM_PATH}. Install Debian's Chromium (apt-get install -y chromium) or set BORDER_ATLAS_CHROMIUM.`);
  }
  if (!process.env.BORDER_ATLAS_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which vite build would inherit and turn into a development
    // build (React's dev JSX runtime, import.meta.env.PROD false, no service worker): test what ships.
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const port = await freePort();
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  await waitForUrl(url, 60_000);
  process.env.BORDER_ATLAS_URL = url;
}

export async function teardown() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
}
