/**
 * Vietnamese and Chinese UI strings are chunks of their own (issue 12: non-active languages load
 * on demand); i18next switches only once a language's strings are in, so a render never mixes them.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { followStoreLanguage, i18n, loadLanguage } from '../../../src/i18n';

describe('lazy UI languages', () => {
  it('starts with English only and loads a language when it is chosen', async () => {
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('zh', 'translation')).toBe(false);
    const store = createStore(subscribeWithSelector(() => ({ language: 'en' as 'en' | 'vi' | 'zh' })));
    const stop = followStoreLanguage(store);
    store.setState({ language: 'zh' });
    // Until the chunk is in, the UI stays English rather than showing keys.
    expect(i18n.language).toBe('en');
    await loadLanguage('zh');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.language).toBe('zh');
    expect(i18n.t('filters.class')).not.toBe(i18n.getFixedT('en')('filters.class'));
    stop();
  });

  it('does not switch to a language that was left before its strings arrived', async () => {
    const store = createStore(subscribeWithSelector(() => ({ language: 'en' as 'en' | 'vi' | 'zh' })));
    const stop = followStoreLanguage(store);
    store.setState({ language: 'vi' });
    store.setState({ language: 'en' });
    await loadLanguage('vi');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.language).toBe('en');
    stop();
  });
});
