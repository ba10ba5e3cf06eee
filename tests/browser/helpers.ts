/**
 * The only file that imports playwright-core. Launches Debian's Chromium with the flags under
 * which MapLibre gets WebGL in software (ANGLE on SwiftShader), per shared/notes/browser-testing.md.
 * BORDER_ATLAS_CHROMIUM overrides the browser path (e.g. a laptop's Chrome).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type { Browser, BrowserContext, Page };

export const CHROMIUM_PATH = process.env.BORDER_ATLAS_CHROMIUM ?? '/usr/bin/chromium';

const BASE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent context with its own temporary profile. `noWebgl` turns 3D APIs off. */
export async function launchContext(
  options: { noWebgl?: boolean; viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'border-atlas-chromium-'));
  const args = [...BASE_FLAGS, ...(options.noWebgl ? ['--disable-3d-apis', '--disable-webgl'] : [])];
  const context = await chromium.launchPersistentContext(profile, {
    headless: false, // we pass --headless=new ourselves, as the notes say
    executablePath: CHROMIUM_PATH,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
    // The app's service worker would answer data requests from its cache, out of reach of the
    // routes tests use to break files; only the offline test lets it run.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
