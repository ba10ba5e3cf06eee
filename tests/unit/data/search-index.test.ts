import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlasData } from '../../../src/data/load';
import { activityDocuments } from '../../../src/data/activity';
import { buildSearchIndex, type SearchIndex } from '../../../src/data/search-index';
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

describe('ranking by kind among equally good matches', () => {
  // One place, four kinds; the city has the shortest name, which BM25 alone ranks first.
  const city = makeFeature({ id: 'town-city-vn', kind: 'commune', names: { vi: 'Thành phố Móng Cái' } });
  const market = makeFeature({ id: 'town-market-vn', kind: 'market', names: { vi: 'Chợ Móng Cái', en: 'Mong Cai market' } });
  const post = makeFeature({ id: 'town-post-vn', kind: 'post', names: { vi: 'Đồn Móng Cái' } });
  const opening = makeFeature({ id: 'town-opening-vn', kind: 'opening', names: { vi: 'Lối mở Móng Cái' } });
  const gate = makeFeature({
    id: 'town-gate-vn',
    names: { vi: 'Cửa khẩu quốc tế Móng Cái', en: 'Mong Cai international border gate', aliases: ['Bắc Luân I bridge'] },
  });
  const kindIndex = buildSearchIndex([city, market, post, opening, gate]);

  it('orders gate, opening, market, post, paired place', () => {
    expect(kindIndex.search('mong cai').map((h) => h.id)).toEqual(['town-gate-vn', 'town-opening-vn', 'town-market-vn', 'town-post-vn', 'town-city-vn']);
  });

  it('still ranks a better name match above a gate found only through its pair id', () => {
    const pairedGate = makeFeature({ id: 'thanh-thuy-vn', names: { vi: 'Thanh Thủy' }, pairId: 'thanh-thuy-tianbao' });
    const namedMarket = makeFeature({ id: 'tianbao-market-cn', kind: 'market', side: 'CN', names: { zh: '天保', pinyin: 'Tianbao' } });
    expect(buildSearchIndex([pairedGate, namedMarket]).search('tianbao').map((h) => h.id)).toEqual(['tianbao-market-cn', 'thanh-thuy-vn']);
  });

  it('ranks an exact word above a longer word it begins', () => {
    const longer = makeFeature({ id: 'tanh-gate-vn', names: { vi: 'Tanhxa' } });
    const exact = makeFeature({ id: 'tan-market-vn', kind: 'market', names: { vi: 'Tân' } });
    expect(buildSearchIndex([longer, exact]).search('tan').map((h) => h.id)).toEqual(['tan-market-vn', 'tanh-gate-vn']);
  });
});

describe('search over the real data', () => {
  const GEO_DIR = fileURLToPath(new URL('../../../public/geo/', import.meta.url));
  let realIndex: SearchIndex;

  beforeAll(async () => {
    const { data, problems } = await loadAtlasData(async (path) => {
      const body = readFileSync(`${GEO_DIR}${path.slice('/geo/'.length)}`, 'utf8');
      return { ok: true, status: 200, text: async () => body };
    }, '/geo/');
    expect(problems).toEqual([]);
    realIndex = buildSearchIndex(data.features, [...data.provinces.values()], () => activityDocuments(data));
  });

  it.each(['Joint Working Group', 'JWG 11', 'joint working group 11th', 'Nhóm công tác liên hợp lần thứ 11', '联合工作组第11次'])(
    '%j finds the 11th Joint Working Group session first among events',
    (query) => {
      expect(realIndex.searchActivity(query)[0]?.id).toBe('event:t162-jwg-11');
    },
  );

  it.each([
    ['mong cai', 'mong-cai-dongxing-vn'],
    ['Móng Cái', 'mong-cai-dongxing-vn'],
    ['Tianbao', 'thanh-thuy-tianbao-cn'],
    ['tan thanh', 'tan-thanh-puzhai-vn'],
    ['Tân Thanh', 'tan-thanh-puzhai-vn'],
  ])('%j ranks the gate %s first, before the market and the paired place of the same name', (query, id) => {
    expect(realIndex.search(query)[0]?.id).toBe(id);
  });

  it.each(['huu nghi', 'Hữu Nghị', '友谊关', 'Youyiguan'])('%j ranks the Hữu Nghị–Youyiguan gate pair first', (query) => {
    expect(realIndex.search(query)[0]?.id).toMatch(/^huu-nghi-youyiguan-(vn|cn)$/);
  });

  it('"huu nghi" gives both sides of the gate pair before anything else', () => {
    expect(new Set(realIndex.search('huu nghi', 2).map((h) => h.id))).toEqual(new Set(['huu-nghi-youyiguan-vn', 'huu-nghi-youyiguan-cn']));
  });
});

describe('buildSearchIndex on broken data', () => {
  it('never throws on a repeated id or a record without names, and the first record wins', () => {
    const copy = makeFeature({ id: 'lao-cai-vn', names: { vi: 'Bản sao' } });
    const base = makeFeature({ id: 'nameless-vn', names: { vi: 'x' } });
    // Data that slipped past the schema: no names at all.
    const nameless = { ...base, properties: { ...base.properties, names: undefined } } as unknown as typeof base;
    const broken = buildSearchIndex([laoCai, copy, nameless, hoanhMo]);
    expect(broken.search('Lào Cai').map((h) => h.id)).toEqual(['lao-cai-vn']);
    expect(broken.search('Bản sao')).toEqual([]);
    expect(broken.search('Hoành Mô').map((h) => h.id)).toEqual(['hoanh-mo-vn']);
  });
});
