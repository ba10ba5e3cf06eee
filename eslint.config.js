import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      // House style: only the map adapter touches MapLibre; only the browser-test helpers touch Playwright.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'maplibre-gl', message: 'Only src/map/** may import maplibre-gl: go through the store and the map adapter.' },
            { name: 'playwright-core', message: 'Only tests/browser/helpers.ts imports playwright-core: use the driver.' },
          ],
          patterns: [{ group: ['maplibre-gl/*'], message: 'Only src/map/** may import maplibre-gl.' }],
        },
      ],
    },
  },
  { files: ['src/map/**'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'playwright-core', message: 'not in app code' }] }] } },
  { files: ['tests/browser/helpers.ts', 'bench/**'], rules: { 'no-restricted-imports': 'off' } },
);
