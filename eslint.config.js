import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// House style: only the map (src/map/**) touches MapLibre; only the browser-test helpers touch Playwright.
const MAPLIBRE = 'Only src/map/** may import maplibre-gl: go through the store and the map adapter.';
const restrictedImports = {
  paths: [
    { name: 'maplibre-gl', message: MAPLIBRE },
    { name: 'playwright-core', message: 'Only tests/browser/helpers.ts imports playwright-core: use the driver.' },
  ],
  patterns: [{ group: ['maplibre-gl/*'], message: MAPLIBRE }],
};
// The same boundary for import('maplibre-gl') and for the window.__map measurement hook.
const dynamicMaplibre = { selector: 'ImportExpression[source.value=/^maplibre-gl/]', message: MAPLIBRE };
const mapHook = {
  selector: 'MemberExpression[property.name="__map"]',
  message: 'window.__map is the hook for browser tests and the bench only; app code goes through the store.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', restrictedImports],
      'no-restricted-syntax': ['error', dynamicMaplibre, mapHook],
    },
  },
  {
    files: ['src/map/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'playwright-core', message: 'not in app code' }] }],
      'no-restricted-syntax': 'off',
    },
  },
  // The browser tests and the bench read the map through window.__map (and the bench imports
  // playwright-core and serves maplibre to its bare page); the MapLibre boundary still holds there.
  { files: ['tests/browser/**'], rules: { 'no-restricted-syntax': ['error', dynamicMaplibre] } },
  { files: ['tests/browser/helpers.ts'], rules: { 'no-restricted-imports': ['error', { paths: [restrictedImports.paths[0]], patterns: restrictedImports.patterns }] } },
  {
    files: ['bench/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [restrictedImports.paths[0]], patterns: restrictedImports.patterns }],
      'no-restricted-syntax': ['error', dynamicMaplibre],
    },
  },
);
