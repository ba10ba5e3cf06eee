import { describe, expect, it } from 'vitest';
import { acronyms, activityDocuments, filterActivity, ordinal, pairsWithEvents, yearRange, EMPTY_ACTIVITY_FILTER } from '../../../src/data/activity';
import { buildSearchIndex } from '../../../src/data/search-index';
import { HA_GIANG_THEN_TUYEN_QUANG, makeAgreement, makeData, makeEvent, makeFeature, makeProvince } from '../../fixtures/factories';

const laoCaiVn = makeFeature({ id: 'lao-cai-vn', names: { vi: 'Lào Cai', en: 'Lao Cai gate' }, pairId: 'lao-cai-hekou' });
const hekouCn = makeFeature({ id: 'hekou-cn', side: 'CN', names: { zh: '河口口岸', pinyin: 'Hekou', en: 'Hekou port' }, admin: [{ provinceId: 'yunnan' }], pairId: 'lao-cai-hekou' });
const thanhThuy = makeFeature({ id: 'thanh-thuy-vn', names: { vi: 'Thanh Thủy' }, admin: HA_GIANG_THEN_TUYEN_QUANG, pairId: 'thanh-thuy-tianbao' });

const jwg11 = makeEvent('jwg-11', {
  date: '2025-10',
  kind: 'working-group',
  title: '11th Joint Working Group session',
  titleTranslations: { vi: 'Hội nghị Nhóm công tác liên hợp lần thứ 11', zh: '联合工作组第11次会议' },
  description: 'The four provinces reviewed trade since the tenth session.',
  sessionNumber: 11,
  provinceIds: ['lai-chau', 'yunnan'],
});
const jwg7 = makeEvent('jwg-7', { date: '2018-12-12', kind: 'working-group', title: '7th Joint Working Group session in Lai Châu', sessionNumber: 7, provinceIds: ['lai-chau'] });
const jwc11 = makeEvent('jwc-11', { date: '2020-01-07', kind: 'working-group', title: '11th Joint Working Committee in Liuzhou', sessionNumber: 11, provinceIds: ['lang-son'] });
const fair = makeEvent('fair-2023', { date: '2023', kind: 'trade-fair', title: 'Trade fair at the Lào Cai gate', featureIds: ['lao-cai-vn'] });
const reopening = makeEvent('reopen-hekou', { date: '2023-02-06', kind: 'reopening', title: 'Hekou reopens to travellers', featureIds: ['hekou-cn'], description: 'Passenger travel resumed through Hekou port.' });
const pairing = makeEvent('pairing', { date: '2018-05-02', kind: 'agreement', title: 'Thanh Thủy pairs with Tianbao', featureIds: ['thanh-thuy-vn'] });
const future = makeEvent('future', { date: '2026-11', kind: 'planning', title: 'Planned planning session', provinceIds: ['lai-chau'] });
const sugarcane = makeAgreement('sugarcane-mou', { title: { en: 'Sugarcane cooperation MoU', vi: 'Biên bản ghi nhớ hợp tác mía' }, signed: '2025-09', parties: ['Lai Châu province', 'Yunnan province'] });

const data = makeData([laoCaiVn, hekouCn, thanhThuy], {
  events: [jwg11, jwg7, jwc11, fair, reopening, pairing, future],
  agreements: [sugarcane],
  provinces: [makeProvince('lai-chau', { vi: 'Lai Châu', en: 'Lai Chau' }), makeProvince('yunnan', { zh: '云南', en: 'Yunnan' }, 'CN')],
});

describe('activity documents and search', () => {
  const index = buildSearchIndex(data.features, [...data.provinces.values()], activityDocuments(data));
  const find = (q: string) => index.searchActivity(q).map((h) => h.id);

  it('abbreviates long capitalised names and writes ordinals', () => {
    expect(acronyms('11th Joint Working Group session in Lai Châu')).toEqual(['JWG']);
    expect(acronyms('6th session of the Land Border Joint Committee')).toEqual(['LBJC']);
    expect([ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(12), ordinal(22), ordinal(111)]).toEqual(['1st', '2nd', '3rd', '11th', '12th', '22nd', '111th']);
  });

  it('finds a meeting by its name, newest session first, and by acronym with its number', () => {
    expect(find('Joint Working Group')).toEqual(['event:jwg-11', 'event:jwg-7']);
    expect(find('JWG 11')).toEqual(['event:jwg-11']);
    expect(find('11th')).toEqual(['event:jwg-11', 'event:jwc-11']);
  });

  it('finds events in Vietnamese and Chinese, with or without diacritics', () => {
    expect(find('nhom cong tac lien hop')).toEqual(['event:jwg-11']);
    expect(find('联合工作组')).toEqual(['event:jwg-11']);
    expect(find('第11次')).toEqual(['event:jwg-11']);
  });

  it('finds events by place (a linked feature or province) and agreements by party', () => {
    expect(find('hekou')).toEqual(['event:reopen-hekou']);
    expect(find('Yunnan')).toEqual(['event:jwg-11', 'agreement:sugarcane-mou']);
    expect(find('sugarcane')).toEqual(['agreement:sugarcane-mou']);
  });

  it('ranks a title match above a match in the description', () => {
    expect(find('reopens')).toEqual(['event:reopen-hekou']);
    expect(find('passenger travel')).toEqual(['event:reopen-hekou']);
  });

  it('keeps feature hits in search() and event hits in searchActivity()', () => {
    // The Chinese gate is found through its pair id (lao-cai-hekou), after the Vietnamese one.
    expect(index.search('Lào Cai').map((h) => h.id)).toEqual(['lao-cai-vn', 'hekou-cn']);
    expect(find('Lào Cai')).toEqual(['event:fair-2023']);
  });
});

describe('filterActivity', () => {
  const today = '2026-11-30';
  const ids = (filter: Partial<typeof EMPTY_ACTIVITY_FILTER>, upTo = today) => filterActivity(data, { ...EMPTY_ACTIVITY_FILTER, ...filter }, upTo).map((e) => e.id);

  it('lists every event up to the day, newest first', () => {
    expect(ids({})).toEqual(['future', 'jwg-11', 'reopen-hekou', 'fair-2023', 'jwc-11', 'jwg-7', 'pairing']);
    expect(ids({}, '2023-01-31')).toEqual(['fair-2023', 'jwc-11', 'jwg-7', 'pairing']);
  });

  it('filters by kind, by province (directly or through a feature, old and new names) and by pair', () => {
    expect(ids({ kinds: ['working-group'] })).toEqual(['jwg-11', 'jwc-11', 'jwg-7']);
    expect(ids({ provinces: ['yunnan'] })).toEqual(['jwg-11', 'reopen-hekou']);
    expect(ids({ provinces: ['tuyen-quang'] })).toEqual(['pairing']);
    expect(ids({ pair: 'lao-cai-hekou' })).toEqual(['reopen-hekou', 'fair-2023']);
  });

  it('filters by an inclusive date range; a year-only date counts from 1 January', () => {
    expect(ids(yearRange(2023))).toEqual(['reopen-hekou', 'fair-2023']);
    expect(ids({ from: '2023-01-02' , to: '2023-12-31' })).toEqual(['reopen-hekou']);
    expect(ids({ from: '2018-12-12', to: '2020-01-07' })).toEqual(['jwc-11', 'jwg-7']);
  });

  it('offers the pairs that have events', () => {
    expect([...pairsWithEvents(data).entries()]).toEqual([
      ['lao-cai-hekou', ['lao-cai-vn', 'hekou-cn']],
      ['thanh-thuy-tianbao', ['thanh-thuy-vn']],
    ]);
  });
});
