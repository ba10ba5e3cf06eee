import { describe, expect, it } from 'vitest';
import { CrossingMode, FeatureKind, GateClass } from '../../../src/data/schema';
import {
  buildRows,
  emptiedBy,
  facetCounts,
  filterRows,
  FILTER_GROUPS,
  GROUP_VALUES,
  hiddenByStateFilters,
  rowName,
  SIDES,
  type FilterGroup,
} from '../../../src/state/answers';
import { PLANNER_STATES } from '../../../src/data/planner-state';
import { DEFAULT_FILTERS } from '../../../src/state/slices/filters';
import type { FilterState, Side } from '../../../src/state/types';
import { change, makeData, makeFeature } from '../../fixtures/factories';

/*
 * A small border worked out by hand for 2023-06-01 (the day every test below uses):
 * - crossing P1: p1-vn (Lào Cai, international) restored 2023-02 → open; p1-cn (Yunnan, main)
 *   suspended 2020-03 and nothing since → no recent record (2020 < 2021). The crossing: open.
 * - crossing P2: p2-vn suspended 2022; p2-cn closed 2022-05 about the pair → both sides closed
 *   since 2022-05 (the Vietnamese side takes its counterpart's pair entry).
 * - u-vn (Lạng Sơn, secondary, rail) planned 2021, no counterpart → not yet open.
 * - opening O: o-vn (Lào Cai) operating 2023-01 → open; o-cn operating 2015 → no recent record.
 *   The crossing: open.
 * - a market (Lào Cai), a paired commune on each side (Lào Cai / Yunnan) and a Chinese post.
 */
const DAY = '2023-06-01';
const lc = [{ provinceId: 'lao-cai' }];
const yn = [{ provinceId: 'yunnan' }];
const features = [
  makeFeature({ id: 'p1-vn', names: { vi: 'Cửa P1' }, pairId: 'p1', counterpartId: 'p1-cn', admin: lc, class: 'international', statusHistory: [change('2019', { status: 'operating' }), change('2020-03', { status: 'suspended' }), change('2023-02', { status: 'restored' })] }),
  makeFeature({ id: 'p1-cn', side: 'CN', names: { zh: '口岸一' }, pairId: 'p1', counterpartId: 'p1-vn', admin: yn, class: 'main', statusHistory: [change('2019', { status: 'operating' }), change('2020-03', { status: 'suspended' })] }),
  makeFeature({ id: 'p2-vn', pairId: 'p2', admin: lc, class: 'main', statusHistory: [change('2022', { status: 'suspended' })] }),
  makeFeature({ id: 'p2-cn', side: 'CN', pairId: 'p2', admin: yn, class: 'main', statusHistory: [change('2018', { status: 'operating' }), change('2022-05', { status: 'closed', pair: true })] }),
  makeFeature({ id: 'u-vn', admin: [{ provinceId: 'lang-son' }], class: 'secondary', modes: ['rail'], statusHistory: [change('2021', { status: 'planned' })] }),
  makeFeature({ id: 'o-vn', kind: 'opening', pairId: 'o', admin: lc, class: 'crossing-point', statusHistory: [change('2023-01', { status: 'operating' })] }),
  makeFeature({ id: 'o-cn', kind: 'opening', side: 'CN', pairId: 'o', admin: yn, class: 'crossing-point', statusHistory: [change('2015', { status: 'operating' })] }),
  makeFeature({ id: 'm-vn', kind: 'market', admin: lc }),
  makeFeature({ id: 'c-vn', kind: 'commune', pairId: 'c', admin: lc }),
  makeFeature({ id: 'c-cn', kind: 'commune', side: 'CN', pairId: 'c', admin: yn }),
  makeFeature({ id: 'post-cn', kind: 'post', side: 'CN', admin: yn }),
];
const data = makeData(features);
const filters = (patch: Partial<FilterState> = {}): FilterState => ({ ...DEFAULT_FILTERS, ...patch });
const keysOf = (side: Side, f: FilterState = filters()) => filterRows(buildRows(data, side, DAY), f, DAY).map((r) => r.key);

describe('rows: a crossing pair counted once', () => {
  it('with both sides, one row per crossing holding both names, Vietnamese side first', () => {
    const rows = buildRows(data, 'both', DAY);
    expect(rows.map((r) => r.members.map((m) => m.properties.id))).toEqual([
      ['p1-vn', 'p1-cn'],
      ['p2-vn', 'p2-cn'],
      ['u-vn'],
      ['o-vn', 'o-cn'],
      ['m-vn'],
      ['c-vn'],
      ['c-cn'],
      ['post-cn'],
    ]);
    expect(rowName(rows[0], 'vi')).toBe('Cửa P1 ↔ 口岸一');
  });

  it('gives a crossing the latest report of either side, and each side its own plus pair entries', () => {
    const state = (side: Side, key: string) => buildRows(data, side, DAY).find((r) => r.key === key)?.answer;
    expect(state('both', 'p1-vn')).toMatchObject({ state: 'open', since: '2023-02', featureId: 'p1-vn' });
    expect(state('VN', 'p1-vn')).toMatchObject({ state: 'open' });
    expect(state('CN', 'p1-cn')).toMatchObject({ state: 'no-recent-record', status: 'suspended', since: '2020-03' });
    expect(state('VN', 'p2-vn')).toMatchObject({ state: 'closed', status: 'closed', since: '2022-05', pair: true, featureId: 'p2-cn' });
    expect(state('both', 'p2-vn')).toMatchObject({ state: 'closed', since: '2022-05', pair: true });
    // Operating on both sides: since the first report of the run (2015, China), last report 2023-01.
    expect(state('both', 'o-vn')).toMatchObject({ state: 'open', since: '2015', reported: '2023-01' });
    expect(state('CN', 'o-cn')).toMatchObject({ state: 'no-recent-record', since: '2015' });
  });

  it('counts per state for each side choice', () => {
    const counts = (side: Side) => facetCounts(buildRows(data, side, DAY), filters(), DAY, 'states', PLANNER_STATES);
    expect(counts('both')).toEqual({ open: 2, closed: 1, 'not-yet-open': 1, 'no-recent-record': 0, 'no-record': 0 });
    expect(counts('VN')).toEqual({ open: 2, closed: 1, 'not-yet-open': 1, 'no-recent-record': 0, 'no-record': 0 });
    expect(counts('CN')).toEqual({ open: 0, closed: 1, 'not-yet-open': 0, 'no-recent-record': 2, 'no-record': 0 });
  });

  it('counts kinds, provinces and classes with a crossing once', () => {
    const all = buildRows(data, 'both', DAY);
    expect(facetCounts(all, filters(), DAY, 'kinds', FeatureKind.options)).toEqual({ gate: 3, opening: 1, market: 1, commune: 2, post: 1 });
    expect(facetCounts(all, filters(), DAY, 'provinces', ['lao-cai', 'yunnan', 'lang-son'])).toEqual({ 'lao-cai': 5, yunnan: 5, 'lang-son': 1 });
    expect(facetCounts(all, filters(), DAY, 'classes', GateClass.options)).toMatchObject({ international: 1, main: 2, secondary: 1, 'crossing-point': 1 });
  });
});

describe('filters on rows', () => {
  it('a state filter keeps only the gates and openings in that state, and says how many others it hides', () => {
    expect(keysOf('both', filters({ states: ['open'] }))).toEqual(['p1-vn', 'o-vn']);
    expect(hiddenByStateFilters(buildRows(data, 'both', DAY), filters({ states: ['open'] }), DAY)).toBe(4);
    expect(hiddenByStateFilters(buildRows(data, 'both', DAY), filters({ kinds: ['market'] }), DAY)).toBe(0);
  });

  it('a kind filter keeps only that kind, separately from the layers', () => {
    expect(keysOf('VN', filters({ kinds: ['gate'] }))).toEqual(['p1-vn', 'p2-vn', 'u-vn']);
    expect(keysOf('CN', filters({ kinds: ['commune', 'post'] }))).toEqual(['c-cn', 'post-cn']);
  });

  it('"only international gates in Lào Cai" gives the one crossing', () => {
    expect(keysOf('both', filters({ kinds: ['gate'], classes: ['international'], provinces: ['lao-cai'] }))).toEqual(['p1-vn']);
  });

  it('says which filter emptied the answer, and how many rows clearing it brings back', () => {
    const all = buildRows(data, 'both', DAY);
    const f = filters({ states: ['not-yet-open'], provinces: ['yunnan'] });
    expect(filterRows(all, f, DAY)).toEqual([]);
    expect(emptiedBy(all, f, DAY)).toEqual([
      { group: 'states', rows: 5 },
      { group: 'provinces', rows: 1 },
    ]);
  });
});

describe('the number beside every checkbox is the number of rows after ticking it', () => {
  const values: Record<FilterGroup, readonly string[]> = { ...GROUP_VALUES, provinces: ['lao-cai', 'yunnan', 'lang-son', 'cao-bang'] };
  // Starting points: nothing set, and a few other groups set, as a planner would have them.
  const bases: Partial<FilterState>[] = [
    {},
    { provinces: ['lao-cai'] },
    { states: ['open'] },
    { kinds: ['gate', 'market'], modes: ['road'] },
    { classes: ['main'], provinces: ['yunnan'] },
  ];
  for (const side of SIDES) {
    for (const base of bases) {
      for (const group of FILTER_GROUPS) {
        it(`side ${side}, ${JSON.stringify(base)}, ${group}`, () => {
          const start = filters({ ...base, side, [group]: [] });
          const all = buildRows(data, side, DAY);
          const counts = facetCounts(all, start, DAY, group, values[group]);
          for (const value of values[group]) {
            const ticked = filterRows(all, { ...start, [group]: [value] }, DAY);
            expect(ticked.length, `${group}=${value}`).toBe(counts[value]);
          }
        });
      }
    }
  }

  it('modes and classes count rows the same way (every value offered)', () => {
    expect(GROUP_VALUES.modes).toEqual(CrossingMode.options);
    expect(GROUP_VALUES.classes).toEqual(GateClass.options);
  });
});
