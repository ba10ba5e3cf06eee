import { describe, expect, it } from 'vitest';
import { checkMark, lastReportedYear, sideChanges, stateFromChanges, STATE_OF_STATUS, type OwnedChange } from '../../../src/data/planner-state';
import { GateStatus } from '../../../src/data/schema';
import { change, makeData, makeFeature } from '../../fixtures/factories';

const own = (featureId: string, ...changes: ReturnType<typeof change>[]): OwnedChange[] => changes.map((c) => ({ change: c, featureId }));

/** A Móng Cái-like history, worked out by hand below. */
const history = own(
  'gate-vn',
  change('2014', { status: 'operating', sourceIds: ['s-a'] }),
  change('2020-01-30', { status: 'suspended', sourceIds: ['s-b'] }),
  change('2021-10', { status: 'restored', scope: 'goods', sourceIds: ['s-c'] }),
  change('2023-01-08', { status: 'restored', scope: 'all', sourceIds: ['s-d'] }),
  change('2024-03', { class: 'international' }),
);

describe('stateFromChanges', () => {
  it('groups every detailed status into one of three states', () => {
    expect(GateStatus.options.map((s) => [s, STATE_OF_STATUS[s]])).toEqual([
      ['planned', 'not-yet-open'],
      ['under-construction', 'not-yet-open'],
      ['operating', 'open'],
      ['restored', 'open'],
      ['upgrading', 'open'],
      ['suspended', 'closed'],
      ['not-resumed', 'closed'],
      ['closed', 'closed'],
    ]);
  });

  it('gives no record before the first status entry', () => {
    expect(stateFromChanges(history, '2013-12-31')).toMatchObject({ state: 'no-record', status: null, since: null, sourceIds: [] });
  });

  it('takes the latest entry on or before the day, with its status, date, sources and scope', () => {
    expect(stateFromChanges(history, '2014-01-01')).toMatchObject({ state: 'open', status: 'operating', since: '2014', sourceIds: ['s-a'], scope: null });
    expect(stateFromChanges(history, '2021-06-01')).toMatchObject({ state: 'closed', status: 'suspended', since: '2020-01-30', sourceIds: ['s-b'] });
    // A month counts from its first day: on 2021-10-01 the goods-only reopening holds.
    expect(stateFromChanges(history, '2021-10-01')).toMatchObject({ state: 'open', status: 'restored', since: '2021-10', scope: 'goods' });
    expect(stateFromChanges(history, '2023-01-08')).toMatchObject({ state: 'open', since: '2023-01-08', scope: 'all', featureId: 'gate-vn' });
  });

  it('ignores entries that change only the class', () => {
    expect(stateFromChanges(history, '2025-01-01')).toMatchObject({ state: 'open', since: '2023-01-08' });
  });

  it('says no recent record when the latest entry is from before the day\'s year minus two', () => {
    // Day in 2025: 2023 is not before 2023, so still open. Day in 2026: 2023 < 2024.
    expect(stateFromChanges(history, '2025-12-31').state).toBe('open');
    const stale = stateFromChanges(history, '2026-01-01');
    expect(stale).toMatchObject({ state: 'no-recent-record', status: 'restored', since: '2023-01-08' });
    expect(lastReportedYear(stale)).toBe(2023);
    // Operating since 2014 with nothing after: in 2019 the last report is five years old.
    expect(stateFromChanges(history, '2019-12-31')).toMatchObject({ state: 'no-recent-record', status: 'operating' });
  });

  it('runs "operating" from the restoration that began it, and no further back', () => {
    const restoredThenReported = own(
      'g',
      change('2014', { status: 'operating' }),
      change('2020-02', { status: 'suspended' }),
      change('2023-01', { status: 'restored', scope: 'all' }),
      change('2023-06', { status: 'restored' }),
      change('2024-02', { status: 'operating' }),
      change('2025-05', { status: 'operating' }),
    );
    expect(stateFromChanges(restoredThenReported, '2025-06-01')).toMatchObject({ state: 'open', status: 'operating', since: '2023-01', reported: '2025-05' });
    // A goods-only restoration is not the start of full operation.
    const goodsFirst = own('g', change('2021-10', { status: 'restored', scope: 'goods' }), change('2024-02', { status: 'operating' }));
    expect(stateFromChanges(goodsFirst, '2024-06-01')).toMatchObject({ since: '2024-02' });
    // Operating after an upgrade starts when the upgrade ends.
    const upgraded = own('g', change('2019', { status: 'upgrading' }), change('2022', { status: 'operating' }));
    expect(stateFromChanges(upgraded, '2022-06-01')).toMatchObject({ status: 'operating', since: '2022' });
  });

  it('resolves two sides reporting on one day towards caution', () => {
    const merged = [
      ...own('a-vn', change('2022-02-10', { status: 'restored' })),
      ...own('a-cn', change('2022-02-10', { status: 'suspended' })),
    ];
    expect(stateFromChanges(merged, '2022-03-01')).toMatchObject({ state: 'closed', featureId: 'a-cn' });
    // The later report of either side decides otherwise.
    const later = [...merged, ...own('a-vn', change('2022-02-11', { status: 'operating' }))];
    expect(stateFromChanges(later, '2022-03-01')).toMatchObject({ state: 'open', featureId: 'a-vn' });
  });

  it('carries the pair flag of the entry', () => {
    expect(stateFromChanges(own('x', change('2024', { status: 'suspended', pair: true })), '2024-06-01')).toMatchObject({ state: 'closed', pair: true });
  });
});

describe('checkMark', () => {
  it('is quiet for a confirmed entry and explains the others; no check counts as unchecked', () => {
    expect(checkMark(change('2020', { status: 'closed', check: { result: 'confirmed', on: '2026-11-30' } }))).toEqual({ checked: true });
    expect(checkMark(change('2020', { status: 'closed', check: { result: 'inferred', on: '2026-11-30', note: 'from the reopening date' } }))).toEqual({
      checked: false,
      reason: 'inferred',
      note: 'from the reopening date',
    });
    expect(checkMark(change('2020', { status: 'closed', check: { result: 'source-unavailable', on: '2026-11-30' } }))).toMatchObject({ reason: 'source-unavailable' });
    expect(checkMark(change('2020', { status: 'closed' }))).toEqual({ checked: false, reason: 'unchecked', note: null });
  });
});

describe('sideChanges', () => {
  const both = change('2023-09', { status: 'restored', pair: true, note: 'Reopened.' });
  const vn = makeFeature({ id: 'x-vn', pairId: 'x', counterpartId: 'x-cn', statusHistory: [change('2020-02', { status: 'suspended' }), both] });
  const cn = makeFeature({ id: 'x-cn', side: 'CN', pairId: 'x', counterpartId: 'x-vn', statusHistory: [both, change('2024-10', { status: 'upgrading', pair: true })] });
  const data = makeData([vn, cn]);

  it("lists a pair entry both sides carry once, as the side's own, and takes the counterpart's other pair entries", () => {
    const entries = sideChanges(data, vn).map((e) => `${e.change.date} ${e.change.status} ${e.featureId}`);
    expect(entries).toEqual(['2020-02 suspended x-vn', '2023-09 restored x-vn', '2024-10 upgrading x-cn']);
    expect(sideChanges(data, cn).map((e) => `${e.change.date} ${e.featureId}`)).toEqual(['2023-09 x-cn', '2024-10 x-cn']);
  });
});
