import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/state/slices/filters';
import { DEFAULT_LAYERS } from '../../../src/state/slices/layers';
import { CHART_FIRST_YEAR, onRecordBy, passesFilters, provinceCounts, statusCounts, visibleFeatureIds, yearAxis } from '../../../src/state/selectors';
import type { FilterState } from '../../../src/state/types';
import { HA_GIANG_THEN_TUYEN_QUANG, change, deepFreeze, makeData, makeFeature } from '../../fixtures/factories';

const filters = (patch: Partial<FilterState> = {}): FilterState => deepFreeze({ ...DEFAULT_FILTERS, ...patch });

/** Operating from 2014, suspended from March 2020, restored from 15 Feb 2023; Hà Giang, then Tuyên Quang. */
const thanhThuy = makeFeature({
  id: 'thanh-thuy-vn',
  admin: HA_GIANG_THEN_TUYEN_QUANG,
  class: 'international',
  modes: ['road'],
  statusHistory: [
    change('2014', { status: 'operating' }),
    change('2020-03', { status: 'suspended' }),
    change('2023-02-15', { status: 'restored' }),
  ],
});
/** Operating since 1990 in Lào Cai, a rail secondary gate. */
const laoCai = makeFeature({ id: 'lao-cai-vn', class: 'secondary', modes: ['rail'], statusHistory: [change('1990', { status: 'operating' })] });
/** Planned from 2022, opened in 2024. */
const newGate = makeFeature({
  id: 'new-gate-vn',
  class: 'main',
  statusHistory: [change('2022', { status: 'planned' }), change('2024-06-01', { status: 'operating' })],
});
const market = makeFeature({ id: 'market-vn', kind: 'market', admin: [{ provinceId: 'cao-bang' }] });
const commune = makeFeature({ id: 'commune-vn', kind: 'commune', pairedSince: '2015-05' });

const data = makeData([thanhThuy, laoCai, newGate, market, commune]);

describe('passesFilters', () => {
  it('judges the status filter by the status on the chosen day', () => {
    const operating = filters({ statuses: ['operating'] });
    expect(passesFilters(thanhThuy, operating, DEFAULT_LAYERS, '2019-12-31')).toBe(true);
    expect(passesFilters(thanhThuy, operating, DEFAULT_LAYERS, '2021-01-01')).toBe(false);
  });

  it('matches a province filter on the old province id after the merger', () => {
    expect(passesFilters(thanhThuy, filters({ provinces: ['ha-giang'] }), DEFAULT_LAYERS, '2026-01-01')).toBe(true);
  });

  it('matches a province filter on the new province id before the merger', () => {
    expect(passesFilters(thanhThuy, filters({ provinces: ['tuyen-quang'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });

  it('rejects a feature outside the chosen provinces', () => {
    expect(passesFilters(laoCai, filters({ provinces: ['ha-giang'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
  });

  it('hides every feature of a layer that is off', () => {
    const layers = { ...DEFAULT_LAYERS, gates: false };
    expect(passesFilters(laoCai, filters(), layers, '2020-01-01')).toBe(false);
    expect(passesFilters(market, filters(), layers, '2020-01-01')).toBe(true);
  });

  it('hides a feature before its first record', () => {
    expect(passesFilters(newGate, filters(), DEFAULT_LAYERS, '2021-12-31')).toBe(false);
    expect(passesFilters(newGate, filters(), DEFAULT_LAYERS, '2022-01-01')).toBe(true);
  });

  it('leaves layers without statuses alone under a status, class or mode filter', () => {
    expect(passesFilters(market, filters({ statuses: ['closed'], classes: ['main'], modes: ['river'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });

  it('filters gates by class as of the day and by mode', () => {
    expect(passesFilters(laoCai, filters({ classes: ['secondary'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
    expect(passesFilters(laoCai, filters({ classes: ['main'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passesFilters(laoCai, filters({ modes: ['road'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passesFilters(laoCai, filters({ modes: ['rail', 'road'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });
});

describe('visibleFeatureIds', () => {
  it('lists the features that pass, in data order', () => {
    expect(visibleFeatureIds(data, filters({ statuses: ['operating'] }), DEFAULT_LAYERS, '2021-01-01')).toEqual([
      'lao-cai-vn',
      'market-vn',
      'commune-vn',
    ]);
  });

  it('lists everything on record when no filter is set', () => {
    expect(visibleFeatureIds(data, filters(), DEFAULT_LAYERS, '2014-06-01')).toEqual(['thanh-thuy-vn', 'lao-cai-vn', 'market-vn']);
  });
});

describe('statusCounts', () => {
  it('counts gates per status on the day', () => {
    const counts = statusCounts(data, filters(), DEFAULT_LAYERS, '2022-06-01');
    expect(counts).toMatchObject({ operating: 1, suspended: 1, planned: 1, restored: 0 });
  });

  it('ignores the status filter itself, so every status still shows its count', () => {
    const counts = statusCounts(data, filters({ statuses: ['closed'] }), DEFAULT_LAYERS, '2022-06-01');
    expect(counts).toMatchObject({ operating: 1, suspended: 1, planned: 1, closed: 0 });
  });

  it('applies the other filters', () => {
    const counts = statusCounts(data, filters({ provinces: ['ha-giang'] }), DEFAULT_LAYERS, '2022-06-01');
    expect(counts).toMatchObject({ operating: 0, suspended: 1, planned: 0 });
  });
});

describe('statusCounts, features with no status on the day', () => {
  it('counts a gate on record whose history has no status yet as unknown, so the counts add up', () => {
    // Only a class change in 2010, first status in 2015.
    const classFirst = makeFeature({
      id: 'class-first-vn',
      statusHistory: [change('2010', { class: 'main' }), change('2015', { status: 'operating' })],
    });
    const counts = statusCounts(makeData([classFirst]), filters(), DEFAULT_LAYERS, '2012-01-01');
    expect(counts.unknown).toBe(1);
    expect(counts.operating).toBe(0);
    expect(statusCounts(makeData([classFirst]), filters(), DEFAULT_LAYERS, '2016-01-01')).toMatchObject({ unknown: 0, operating: 1 });
  });
});

describe('provinceCounts', () => {
  it('counts a Hà Giang feature once, under the province it was in on the day', () => {
    const data = makeData([thanhThuy, market]);
    expect(provinceCounts(data, ['thanh-thuy-vn', 'market-vn'], '2024-06-01')).toEqual({ 'ha-giang': 1, 'cao-bang': 1 });
    expect(provinceCounts(data, ['thanh-thuy-vn', 'market-vn'], '2025-07-01')).toEqual({ 'tuyen-quang': 1, 'cao-bang': 1 });
  });
});

describe('yearAxis', () => {
  it('puts every year from the first chart year on the axis, empty ones included, and earlier events in one bar', () => {
    const { before, bins } = yearAxis([{ year: 1792, count: 1 }, { year: 1992, count: 2 }, { year: 2001, count: 3 }, { year: 2003, count: 1 }], 2004);
    expect(before).toBe(3);
    expect(bins.map((b) => b.year)).toEqual([1999, 2000, 2001, 2002, 2003, 2004]);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 3, 0, 1, 0]);
    expect(bins[0].year).toBe(CHART_FIRST_YEAR);
  });
});

describe('onRecordBy', () => {
  it('uses the first status change, counted from the start of its period', () => {
    expect(onRecordBy(thanhThuy, '2013-12-31')).toBe(false);
    expect(onRecordBy(thanhThuy, '2014-01-01')).toBe(true);
  });

  it('uses the pairing date for features without history', () => {
    expect(onRecordBy(commune, '2015-04-30')).toBe(false);
    expect(onRecordBy(commune, '2015-05-01')).toBe(true);
  });

  it('treats a feature with no dated record as always on record', () => {
    expect(onRecordBy(market, '1900-01-01')).toBe(true);
  });
});
