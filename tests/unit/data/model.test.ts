import { describe, expect, it } from 'vitest';
import {
  allProvincesOf,
  classAsOf,
  counterpartsOf,
  provincesOf,
  sharingPosition,
  sortedHistory,
  statusAsOf,
} from '../../../src/data/model';
import { HA_GIANG_THEN_TUYEN_QUANG, change, makeData, makeFeature } from '../../fixtures/factories';

/** A gate whose history is given out of order, with partial dates and a class-only change. */
function gateWithHistory() {
  return makeFeature({
    id: 'test-gate-vn',
    class: 'international',
    statusHistory: [
      change('2023-02-15', { status: 'restored' }),
      change('2014', { status: 'operating', class: 'main' }),
      change('2020-03', { status: 'suspended' }),
      change('2018', { class: 'international' }),
    ],
  });
}

describe('statusAsOf', () => {
  const gate = gateWithHistory();

  it.each([
    ['2013-12-31', null],
    ['2014-01-01', 'operating'],
    ['2020-02-29', 'operating'],
    ['2020-03-01', 'suspended'],
    ['2023-02-14', 'suspended'],
    ['2023-02-15', 'restored'],
    ['2030-01-01', 'restored'],
  ])('on %s is %s', (day, expected) => {
    expect(statusAsOf(gate, day)).toBe(expected);
  });

  it('is not changed by a class-only change', () => {
    expect(statusAsOf(gate, '2018-06-01')).toBe('operating');
  });

  it('is null for a feature with no status history (a market)', () => {
    expect(statusAsOf(makeFeature({ id: 'market-vn', kind: 'market' }), '2025-01-01')).toBeNull();
  });
});

describe('classAsOf', () => {
  const gate = gateWithHistory();

  it('is null before the first recorded class', () => {
    expect(classAsOf(gate, '2013-06-01')).toBeNull();
  });

  it('follows class changes, a year-only date counting from 1 January', () => {
    expect(classAsOf(gate, '2017-12-31')).toBe('main');
    expect(classAsOf(gate, '2018-01-01')).toBe('international');
  });

  it('is the current class throughout when history records no class change', () => {
    const gate = makeFeature({ id: 'plain-vn', class: 'secondary', statusHistory: [change('2010', { status: 'operating' })] });
    expect(classAsOf(gate, '1990-01-01')).toBe('secondary');
  });

  it('is null for features that have no class (a commune)', () => {
    expect(classAsOf(makeFeature({ id: 'commune-vn', kind: 'commune' }), '2020-01-01')).toBeNull();
  });
});

describe('sortedHistory', () => {
  it('orders changes oldest first, without touching the (frozen) feature', () => {
    const gate = gateWithHistory();
    expect(sortedHistory(gate).map((c) => c.date)).toEqual(['2014', '2018', '2020-03', '2023-02-15']);
    expect(gate.properties.kind === 'gate' && gate.properties.statusHistory[0].date).toBe('2023-02-15');
  });

  it('puts a less precise date before a more precise one with the same start', () => {
    const gate = makeFeature({
      id: 'tie-vn',
      statusHistory: [change('2014-01-01', { status: 'closed' }), change('2014', { status: 'operating' }), change('2014-01', { status: 'suspended' })],
    });
    expect(sortedHistory(gate).map((c) => c.date)).toEqual(['2014', '2014-01', '2014-01-01']);
    expect(statusAsOf(gate, '2014-01-01')).toBe('closed');
  });
});

describe('provincesOf / allProvincesOf', () => {
  const gate = makeFeature({ id: 'thanh-thuy-test-vn', admin: HA_GIANG_THEN_TUYEN_QUANG });

  it('gives the old province up to the merger and the new one from it', () => {
    expect(provincesOf(gate, '2025-06-30')).toEqual(['ha-giang']);
    expect(provincesOf(gate, '2025-07-01')).toEqual(['tuyen-quang']);
  });

  it('gives every province the feature has had when no day is given', () => {
    expect(provincesOf(gate, null)).toEqual(['ha-giang', 'tuyen-quang']);
    expect(allProvincesOf(gate)).toEqual(['ha-giang', 'tuyen-quang']);
  });

  it('lists a province once even when several periods name it', () => {
    const feature = makeFeature({
      id: 'repeat-vn',
      admin: [
        { provinceId: 'lao-cai', validTo: '2020-01-01', district: 'A' },
        { provinceId: 'lao-cai', validFrom: '2020-01-02', district: 'B' },
      ],
    });
    expect(allProvincesOf(feature)).toEqual(['lao-cai']);
  });
});

describe('counterpartsOf', () => {
  const vn = makeFeature({ id: 'pair-vn', side: 'VN', pairId: 'pair', counterpartId: 'pair-cn' });
  const cn = makeFeature({ id: 'pair-cn', side: 'CN', pairId: 'pair' });
  const cnOpening = makeFeature({ id: 'pair-opening-cn', kind: 'opening', side: 'CN', pairId: 'pair' });
  const vnSibling = makeFeature({ id: 'pair-market-vn', kind: 'market', side: 'VN', pairId: 'pair' });
  const lonely = makeFeature({ id: 'lonely-vn' });
  const dangling = makeFeature({ id: 'dangling-vn', side: 'VN', pairId: 'pair', counterpartId: 'gone-cn' });
  const data = makeData([vn, cn, cnOpening, vnSibling, lonely, dangling]);

  it('uses the explicit counterpartId first', () => {
    expect(counterpartsOf(data, vn).map((f) => f.properties.id)).toEqual(['pair-cn']);
  });

  it('falls back to features of the same pair on the other side', () => {
    expect(counterpartsOf(data, cn).map((f) => f.properties.id)).toEqual(['pair-vn', 'pair-market-vn', 'dangling-vn']);
  });

  it('falls back to the pair when the counterpartId is not in the data', () => {
    expect(counterpartsOf(data, dangling).map((f) => f.properties.id)).toEqual(['pair-cn', 'pair-opening-cn']);
  });

  it('is empty for a feature with no pair', () => {
    expect(counterpartsOf(data, lonely)).toEqual([]);
  });
});

describe('sharingPosition', () => {
  const gate = makeFeature({ id: 'gate-vn', coordinates: [107.9668, 21.5339], precision: 'estimated-district' });
  const market = makeFeature({ id: 'market-vn', kind: 'market', coordinates: [107.9668, 21.5339], precision: 'estimated-district' });
  // About 45 m east: still one dot on the map at any zoom a planner uses.
  const post = makeFeature({ id: 'post-vn', kind: 'post', coordinates: [107.96724, 21.5339] });
  // About 150 m north: a separate dot.
  const other = makeFeature({ id: 'other-vn', coordinates: [107.9668, 21.5353] });
  const data = makeData([gate, market, post, other]);

  it('lists the other features drawn at the same spot, not the feature itself', () => {
    expect(sharingPosition(data, gate).map((f) => f.properties.id)).toEqual(['market-vn', 'post-vn']);
  });

  it('leaves out features a short walk away', () => {
    expect(sharingPosition(data, other)).toEqual([]);
  });
});
