import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app and for the three test projects:
// - unit: pure code and data checks in node (no DOM, no WebGL);
// - dom: React panels rendered in jsdom against a fresh store;
// - browser: the built app in Debian's Chromium through playwright-core (tests/browser).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    sourcemap: false,
    // Fonts and images are files, never data: URIs inlined in the CSS or JS (a strict CSP allows
    // no data: fonts, and inlined fonts made the CSS 200 KB).
    assetsInlineLimit: 0,
    // Only the MapLibre chunk (the adapter, loaded on demand) is above Vite's 500 KB default:
    // MapLibre alone is about 1 MB minified. Every other chunk stays under the default.
    chunkSizeWarningLimit: 1100,
  },
  preview: { host: '127.0.0.1' },
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
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One Chromium at a time: the machine has 2 cores and WebGL runs on the CPU.
          fileParallelism: false,
        },
      },
    ],
  },
});
