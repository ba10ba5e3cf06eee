import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadAtlasData, type Fetcher } from '../../src/data/load';
import { BorderLengths } from '../../src/panels/BorderLengths';
import { appStore } from '../../src/state/store';

const GEO_DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../public/geo')}/`;
const diskFetcher: Fetcher = async (path) => {
  const body = readFileSync(`${GEO_DIR}${path.replace(/^\/geo\//, '')}`, 'utf8');
  return { ok: true, status: 200, text: async () => body };
};

describe('BorderLengths with the real data', () => {
  it('shows the drawn length, the demarcation total and every other published figure with its source', async () => {
    const { data, problems } = await loadAtlasData(diskFetcher, '/geo/');
    expect(problems).toEqual([]);
    appStore.getState().setLanguage('en');
    const { getByTestId } = render(<BorderLengths data={data} language="en" />);
    const box = getByTestId('border-lengths');
    const text = box.textContent ?? '';
    expect(text).toContain(`Border drawn here: ${data.border!.lengthKm.toLocaleString('en')} km`);
    expect(text).toContain('Official length: 1,449.566 km');
    // The seed's press figure is there with its qualifier.
    expect(text).toMatch(/nearly 1,300 km \(2023-03-28\)/);
    const items = box.querySelectorAll('details li');
    expect(items.length).toBe(data.borderLengths.length - 1);
    for (const item of items) expect(item.querySelectorAll('.source-ref').length, item.textContent ?? '').toBeGreaterThan(0);
  });

  it('formats numbers and qualifiers in Vietnamese', async () => {
    const { data } = await loadAtlasData(diskFetcher, '/geo/');
    appStore.getState().setLanguage('vi');
    const { getByTestId } = render(<BorderLengths data={data} language="vi" />);
    expect(getByTestId('border-lengths').textContent).toContain('1.449,566 km');
    expect(getByTestId('border-lengths').textContent).toMatch(/gần 1\.300 km/);
    // The setup's afterEach puts the language back to English even when this test fails.
  });
});
