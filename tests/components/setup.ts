// Panels render with the real i18n strings (English by default); unmount between tests.
import '../../src/i18n';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
