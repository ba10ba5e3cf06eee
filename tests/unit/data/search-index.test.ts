import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/data/search-index';
import { makeFeature } from '../../fixtures/factories';

const huuNghi = makeFeature({
  id: 'huu-nghi-vn',
  names: { vi: 'Hữu Nghị', zh: '友谊关', pinyin: 'Yǒuyìguān', en: 'Friendship Pass' },
});
const laoCai = makeFeature({ id: 'lao-cai-vn', names: { vi: 'Lào Cai', zh: '河口', pinyin: 'Hékǒu' } });
// A decoy with similar-looking words, so "first" means ranked first, not "the only hit".
const hoanhMo = makeFeature({ id: 'hoanh-mo-vn', names: { vi: 'Hoành Mô', zh: '峒中', pinyin: 'Dòngzhōng', en: 'Hoanh Mo pass' } });

const index = buildSearchIndex([laoCai, hoanhMo, huuNghi]);

describe('search index', () => {
  it.each(['huu nghi', 'Hữu Nghị', 'HUU', '友谊关', '谊关', 'youyiguan', 'you yi guan', 'Friendship', 'huunghi'])(
    '%j ranks Hữu Nghị first',
    (query) => {
      const hits = index.search(query);
      expect(hits[0]?.id).toBe('huu-nghi-vn');
    },
  );

  it('finds Lào Cai by the pinyin of its Chinese counterpart, without tone marks', () => {
    expect(index.search('hekou')[0]?.id).toBe('lao-cai-vn');
  });

  it('finds Lào Cai by its Chinese name', () => {
    expect(index.search('河口').map((h) => h.id)).toEqual(['lao-cai-vn']);
  });

  it('does not return unrelated features for a precise name', () => {
    expect(index.search('huu nghi').map((h) => h.id)).toEqual(['huu-nghi-vn']);
  });

  it.each(['', '   ', '—'])('finds nothing for the blank query %j', (query) => {
    expect(index.search(query)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.search('pass', 1)).toHaveLength(1);
  });
});
