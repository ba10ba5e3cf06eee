import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, PERSISTENCE_IS_COMPLETE, TRANSIENT_KEYS, URL_KEYS, urlStateOf } from '../../../src/state/persistence';
import { createAppStore } from '../../../src/state/store';
import { URL_PARAMS, decodeSearch, encodeState } from '../../../src/url/codec';

describe('the table of URL keys', () => {
  it('lists the same keys as DEFAULT_URL_STATE', () => {
    expect(Object.keys(DEFAULT_URL_STATE).sort()).toEqual([...URL_KEYS].sort());
    expect(URL_KEYS).toEqual(['view', 'filters', 'layers', 'selection', 'language', 'baseLayer', 'listOpen', 'activity', 'compareFrom']);
    expect(PERSISTENCE_IS_COMPLETE).toBe(true);
  });

  it('decides every data key of the store: in the URL or transient, never both', () => {
    const state = createAppStore().getState();
    const dataKeys = Object.keys(state).filter((k) => typeof state[k as keyof typeof state] !== 'function');
    expect(dataKeys.sort()).toEqual([...URL_KEYS, ...TRANSIENT_KEYS].sort());
    expect(URL_KEYS.filter((k) => (TRANSIENT_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it('is where a fresh store starts, and what an empty link means', () => {
    expect(urlStateOf(createAppStore().getState())).toEqual(DEFAULT_URL_STATE);
    expect(decodeSearch('', '2025-07-15').state).toEqual(DEFAULT_URL_STATE);
    expect(encodeState(DEFAULT_URL_STATE)).toBe('');
  });

  it('gives each query parameter one row', () => {
    const names = URL_PARAMS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('v');
  });
});
