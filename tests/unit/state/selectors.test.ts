import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/state/slices/filters';
import { DEFAULT_LAYERS } from '../../../src/state/slices/layers';
import { CHART_FIRST_YEAR, onRecordBy, provinceCounts, stateCounts, visibleFeatureIds, yearAxis } from '../../../src/state/selectors';
import type { AtlasFeature, LayerId } from '../../../src/data/model';
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

/** Does one feature pass, judged alone (no crossing partner in the data)? */
function passes(feature: AtlasFeature, f: FilterState, layers: Record<LayerId, boolean>, day: string): boolean {
  return visibleFeatureIds(makeData([feature]), f, layers, day).includes(feature.properties.id);
}

describe('visibleFeatureIds for one feature', () => {
  it('judges the state filter by the state on the chosen day', () => {
    const open = filters({ states: ['open'] });
    // Operating since 2014: open in 2016 (2014 is not before 2016 − 2), suspended from March 2020.
    expect(passes(thanhThuy, open, DEFAULT_LAYERS, '2016-12-31')).toBe(true);
    expect(passes(thanhThuy, open, DEFAULT_LAYERS, '2021-01-01')).toBe(false);
  });

  it('matches a province filter on the old province id after the merger', () => {
    expect(passes(thanhThuy, filters({ provinces: ['ha-giang'] }), DEFAULT_LAYERS, '2026-01-01')).toBe(true);
  });

  it('matches a province filter on the new province id before the merger', () => {
    expect(passes(thanhThuy, filters({ provinces: ['tuyen-quang'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });

  it('rejects a feature outside the chosen provinces', () => {
    expect(passes(laoCai, filters({ provinces: ['ha-giang'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
  });

  it('leaves out every feature of a layer the map does not draw', () => {
    const layers = { ...DEFAULT_LAYERS, gates: false };
    expect(passes(laoCai, filters(), layers, '2020-01-01')).toBe(false);
    expect(passes(market, filters(), layers, '2020-01-01')).toBe(true);
  });

  it('hides a feature before its first record', () => {
    expect(passes(newGate, filters(), DEFAULT_LAYERS, '2021-12-31')).toBe(false);
    expect(passes(newGate, filters(), DEFAULT_LAYERS, '2022-01-01')).toBe(true);
  });

  it('hides kinds without a state under a state, class or mode filter', () => {
    expect(passes(market, filters({ states: ['closed'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passes(market, filters({ classes: ['main'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passes(market, filters({ modes: ['river'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
  });

  it('filters gates by class as of the day and by mode', () => {
    expect(passes(laoCai, filters({ classes: ['secondary'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
    expect(passes(laoCai, filters({ classes: ['main'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passes(laoCai, filters({ modes: ['road'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passes(laoCai, filters({ modes: ['rail', 'road'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });

  it('filters by kind, whatever the layers', () => {
    expect(passes(market, filters({ kinds: ['gate'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(false);
    expect(passes(laoCai, filters({ kinds: ['gate'] }), DEFAULT_LAYERS, '2020-01-01')).toBe(true);
  });
});

describe('visibleFeatureIds', () => {
  it('lists the features that pass, in data order', () => {
    // On 2021-01-01 Lào Cai's last report is from 1990 and Thanh Thủy is suspended; the new gate is not on record yet.
    expect(visibleFeatureIds(data, filters({ states: ['no-recent-record', 'closed'] }), DEFAULT_LAYERS, '2021-01-01')).toEqual(['thanh-thuy-vn', 'lao-cai-vn']);
    expect(visibleFeatureIds(data, filters({ states: ['open'] }), DEFAULT_LAYERS, '2021-01-01')).toEqual([]);
  });

  it('lists everything on record when no filter is set', () => {
    expect(visibleFeatureIds(data, filters(), DEFAULT_LAYERS, '2014-06-01')).toEqual(['thanh-thuy-vn', 'lao-cai-vn', 'market-vn']);
  });
});

describe('stateCounts', () => {
  it('counts gates per state on the day', () => {
    // Lào Cai operating since 1990 (last report 1990: no recent record), Thanh Thủy suspended, the new gate planned.
    const counts = stateCounts(data, filters(), '2022-06-01');
    expect(counts).toEqual({ open: 0, closed: 1, 'not-yet-open': 1, 'no-recent-record': 1, 'no-record': 0 });
  });

  it('ignores the state filter itself, so every state still shows its count', () => {
    const counts = stateCounts(data, filters({ states: ['open'] }), '2022-06-01');
    expect(counts).toMatchObject({ closed: 1, 'not-yet-open': 1, 'no-recent-record': 1 });
  });

  it('applies the other filters', () => {
    const counts = stateCounts(data, filters({ provinces: ['ha-giang'] }), '2022-06-01');
    expect(counts).toMatchObject({ open: 0, closed: 1, 'not-yet-open': 0 });
  });

  it('counts a gate on record whose history has no status yet as no record', () => {
    // Only a class change in 2010, first status in 2015.
    const classFirst = makeFeature({
      id: 'class-first-vn',
      statusHistory: [change('2010', { class: 'main' }), change('2015', { status: 'operating' })],
    });
    expect(stateCounts(makeData([classFirst]), filters(), '2012-01-01')).toMatchObject({ 'no-record': 1, open: 0 });
    expect(stateCounts(makeData([classFirst]), filters(), '2016-01-01')).toMatchObject({ 'no-record': 0, open: 1 });
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
