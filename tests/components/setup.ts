// Panels render with the real i18n strings (English by default); unmount between tests.
// i18next follows the store's language, as in the app.
import { followStoreLanguage, loadLanguage } from '../../src/i18n';
import { appStore } from '../../src/state/store';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vietnamese and Chinese are lazy chunks in the app; panels switch language synchronously here.
await Promise.all([loadLanguage('vi'), loadLanguage('zh')]);
followStoreLanguage(appStore);

afterEach(() => {
  cleanup();
  appStore.getState().setLanguage('en');
});
