import { defineConfig } from 'vitest/config';
import { loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './csp.config.ts';

/** The default online basemap; a department can point VITE_TILE_URL at its own tile server. */
const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Puts the CSP meta tag first in <head>, before any script, in the built page only. */
function cspMeta(policy: string): Plugin {
  return {
    name: 'border-atlas-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    },
  };
}

// One config for the app and for the three test projects:
// - unit: pure code and data checks in node (no DOM, no WebGL);
// - dom: React panels rendered in jsdom against a fresh store;
// - browser: the built app in Debian's Chromium through playwright-core (tests/browser).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const tileUrl = env.VITE_TILE_URL || DEFAULT_TILE_URL;
  return {
    plugins: [
      react(),
      cspMeta(contentSecurityPolicy(tileUrl, { forMeta: true })),
      // Offline after one visit: the service worker precaches the app, its fonts and every data
      // file. registerType 'prompt': a new deployment waits until the user accepts the reload
      // (src/app/UpdatePrompt.tsx), so nobody loses a half-read panel.
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: {
          name: 'Border Atlas — Vietnam–China border',
          short_name: 'Border Atlas',
          description: 'Offline map of the Vietnam–China land border: gates, openings, markets, paired places and their sourced history.',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: '#fafafa',
          theme_color: '#0b5394',
          lang: 'en',
          icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          globPatterns: ['**/*.{js,mjs,css,html,svg,woff2,png,webmanifest}', 'geo/*.{json,geojson}', 'geo/**/*.{json,geojson,pmtiles}'],
          globIgnores: ['geo/schema/**'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          clientsClaim: true,
        },
      }),
    ],
    base: './',
    build: {
      sourcemap: false,
      // Fonts and images stay files: a strict CSP refuses data: fonts, inlined fonts made the CSS
      // 200 KB, and files are cached once.
      assetsInlineLimit: 0,
      // Only the MapLibre chunk (the adapter, loaded on demand) is above Vite's 500 KB default:
      // MapLibre alone is about 1 MB minified. Every other chunk stays under the default.
      chunkSizeWarningLimit: 1100,
    },
    preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy(tileUrl) } },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['tests/unit/**/*.test.ts', 'tests/data/**/*.test.ts'],
            // The data tests run the geometry validator (seconds each); on 2 busy CI cores 5 s is too tight.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: { name: 'dom', environment: 'jsdom', include: ['tests/components/**/*.test.tsx'], setupFiles: ['tests/components/setup.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/browser/**/*.spec.ts'],
            globalSetup: ['tests/browser/global-setup.ts'],
            // A test's page loads take seconds on an idle CI machine, over a minute on a shared one.
            testTimeout: 240_000,
            hookTimeout: 240_000,
            // One Chromium at a time: the machine has 2 cores and WebGL runs on the CPU.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
