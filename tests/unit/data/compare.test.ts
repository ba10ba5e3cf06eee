import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/data/compare';
import { stateOn } from '../../../src/data/planner-state';
import { change, makeData, makeEvent, makeFeature } from '../../fixtures/factories';

// Answers worked out by hand for the range (2021-06-01, 2023-06-01].
const a = makeFeature({
  id: 'a-gate',
  statusHistory: [change('2019', { status: 'operating' }), change('2020-02-01', { status: 'suspended' }), change('2022-03-01', { status: 'restored' })],
});
// Suspended and restored again inside the range: no net change.
const b = makeFeature({
  id: 'b-gate',
  statusHistory: [change('2000', { status: 'restored' }), change('2022-01', { status: 'suspended' }), change('2022-05', { status: 'restored' })],
});
// First record inside the range: appeared.
const c = makeFeature({ id: 'c-gate', statusHistory: [change('2022-07-01', { status: 'planned' })] });
// First record dated `from` itself (not in the range), changed on `to` itself (in the range).
const d = makeFeature({ id: 'd-gate', statusHistory: [change('2021-06-01', { status: 'suspended' }), change('2023-06-01', { status: 'restored' })] });
// A paired place paired in 2023 (a year only): appeared, counted from 2023-01-01.
const e = makeFeature({ id: 'e-commune', kind: 'commune', pairedSince: '2023' });
// A post with no dated record: never appears, never changes.
const f = makeFeature({ id: 'f-post', kind: 'post' });
// First record after the range: neither.
const g = makeFeature({ id: 'g-gate', statusHistory: [change('2024', { status: 'planned' })] });
// Same status, scope widened from goods to all traffic: a change.
const h = makeFeature({
  id: 'h-gate',
  statusHistory: [change('2020-04-03', { status: 'operating', scope: 'goods' }), change('2023-01-08', { status: 'operating', scope: 'all' })],
});

const events = [
  makeEvent('e-on-from', { date: '2021-06-01' }),
  makeEvent('e-after-from', { date: '2021-06-02' }),
  makeEvent('e-year-2023', { date: '2023' }),
  makeEvent('e-on-to', { date: '2023-06-01' }),
  makeEvent('e-after-to', { date: '2023-06-02' }),
  makeEvent('e-year-2021', { date: '2021' }),
];
const data = makeData([a, b, c, d, e, f, g, h], { events });

describe('compareDates', () => {
  const result = compareDates(data, '2021-06-01', '2023-06-01');

  it('lists net status and scope changes, newest change first, with the entries dated in the range', () => {
    expect(result.changed.map((x) => x.feature.properties.id)).toEqual(['d-gate', 'h-gate', 'a-gate']);
    const [dRow, hRow, aRow] = result.changed;
    expect([dRow.from.status, dRow.to.status, dRow.entries.map((x) => x.date)]).toEqual(['suspended', 'restored', ['2023-06-01']]);
    expect([hRow.from.scope, hRow.to.scope]).toEqual(['goods', 'all']);
    expect([aRow.from.state, aRow.to.state, aRow.entries.map((x) => x.date)]).toEqual(['closed', 'open', ['2022-03-01']]);
  });

  it('lists features whose first record falls in the range as appeared, newest first', () => {
    expect(result.appeared.map((x) => [x.feature.properties.id, x.date, x.entry?.status ?? null])).toEqual([
      ['e-commune', '2023', null],
      ['c-gate', '2022-07-01', 'planned'],
    ]);
  });

  it('lists the events after `from` up to and including `to`, newest first', () => {
    expect(result.events.map((x) => x.id)).toEqual(['e-on-to', 'e-year-2023', 'e-after-from']);
  });

  it('finds nothing between a day and itself', () => {
    const same = compareDates(data, '2022-03-01', '2022-03-01');
    expect([same.changed.length, same.appeared.length, same.events.length]).toEqual([0, 0, 0]);
  });
});

describe('stateOn', () => {
  it('groups detailed statuses and says when there is no record yet', () => {
    expect(stateOn(a, '2019-12-31')?.state).toBe('open');
    expect(stateOn(a, '2021-06-01')).toMatchObject({ state: 'closed', status: 'suspended', since: '2020-02-01' });
    expect(stateOn(c, '2022-06-30')).toMatchObject({ state: 'no-record', status: null });
    expect(stateOn(c, '2022-07-01')?.state).toBe('not-yet-open');
    expect(stateOn(f, '2022-07-01')).toBeNull();
  });
});
