import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { shareUrl } from '../../../src/url/share';
import { makeData, makeFeature } from '../../fixtures/factories';

const here = { origin: 'https://atlas.example', pathname: '/border/' };

describe('shareUrl', () => {
  it('is the bare page for the default state', () => {
    expect(shareUrl(createAppStore().getState(), {}, here)).toBe('https://atlas.example/border/');
  });

  it('carries a change made just before, with no wait for the URL writer', () => {
    const store = createAppStore();
    store.getState().toggleInFilter('states', 'open');
    store.getState().setFilters({ date: '2024-06-30' });
    expect(shareUrl(store.getState(), {}, here)).toBe('https://atlas.example/border/?v=2&state=open&date=2024-06-30');
  });

  it('applies overrides (the feature panel links its own feature) without changing the store', () => {
    const store = createAppStore();
    store.setState({ data: makeData([makeFeature({ id: 'alpha-vn' })]) });
    store.getState().setListOpen(true);
    const link = shareUrl(store.getState(), { selection: { kind: 'feature', featureKind: 'gate', id: 'alpha-vn' } }, here);
    expect(link).toBe('https://atlas.example/border/?v=2&sel=gate:alpha-vn&list=1');
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });
});
