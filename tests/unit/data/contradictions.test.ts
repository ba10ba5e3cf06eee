/**
 * The validator's contradiction checks (issue 9, item 7), each on a small fixture that has the
 * contradiction and on the same fixture without it.
 */
import { describe, expect, it } from 'vitest';
import { findContradictions, normalizedUrl, type ContradictionInput } from '../../../scripts/lib/contradictions';
import type { AtlasEvent } from '../../../src/data/schema';
import { change, makeFeature, makeSource, SOURCE_ID } from '../../fixtures/factories';
import type { AtlasFeature } from '../../../src/data/model';

function input(features: AtlasFeature[], extra: Partial<ContradictionInput> = {}): ContradictionInput {
  return {
    features: features.map((feature) => ({ file: 'gates.geojson', feature })),
    sources: [makeSource(SOURCE_ID)],
    events: [],
    agreements: [],
    provinces: [],
    ...extra,
  };
}

const findings = (i: ContradictionInput, check: string) => findContradictions(i).filter((c) => c.check === check);

describe('re-opening with no closure before it', () => {
  it('flags a restored status that no closure precedes, naming its date', () => {
    const gate = makeFeature({ id: 'g-vn', statusHistory: [change('1992', { status: 'operating' }), change('2023-01-08', { status: 'restored', note: 'Reopened' })] });
    const found = findings(input([gate]), 'reopening-without-closure');
    expect(found).toHaveLength(1);
    expect(found[0].id).toBe('g-vn');
    expect(found[0].message).toContain('2023-01-08');
    expect(found[0].severity).toBe('error');
  });

  it('accepts a closure on this side or on the counterpart, but not one dated after the re-opening', () => {
    const own = makeFeature({ id: 'g-vn', statusHistory: [change('2020-02', { status: 'suspended' }), change('2023-01-08', { status: 'restored' })] });
    expect(findings(input([own]), 'reopening-without-closure')).toEqual([]);
    const vn = makeFeature({ id: 'p-vn', pairId: 'p', counterpartId: 'p-cn', statusHistory: [change('2023-01-08', { status: 'restored' })] });
    const cn = makeFeature({ id: 'p-cn', side: 'CN', pairId: 'p', counterpartId: 'p-vn', statusHistory: [change('2020-02', { status: 'closed' })] });
    expect(findings(input([vn, cn]), 'reopening-without-closure')).toEqual([]);
    const late = makeFeature({ id: 'g-vn', statusHistory: [change('2023-01-08', { status: 'restored' }), change('2024', { status: 'suspended' })] });
    expect(findings(input([late]), 'reopening-without-closure')).toHaveLength(1);
  });
});

describe('status dated before the feature existed', () => {
  it('flags "planned" after the gate was working with no closure between', () => {
    const gate = makeFeature({ id: 'ly-van-vn', statusHistory: [change('1998', { status: 'operating' }), change('2021', { status: 'planned' })] });
    const found = findings(input([gate]), 'status-before-existence');
    expect(found.map((f) => f.id)).toEqual(['ly-van-vn']);
    expect(found[0].message).toMatch(/planned on 2021 although working since 1998/);
    expect(found[0].severity).toBe('error');
  });

  it('accepts planned, then built, then operating, and a closed gate planned again', () => {
    const normal = makeFeature({ id: 'a-vn', statusHistory: [change('2015', { status: 'planned' }), change('2018', { status: 'under-construction' }), change('2020', { status: 'operating' })] });
    const rebuilt = makeFeature({ id: 'b-vn', statusHistory: [change('1960', { status: 'operating' }), change('1979', { status: 'closed' }), change('2021', { status: 'planned' })] });
    expect(findings(input([normal, rebuilt]), 'status-before-existence')).toEqual([]);
  });
});

describe('counterpart disagreeing on a shared event', () => {
  it('flags the same dated pair-level entry with two statuses, once', () => {
    const vn = makeFeature({ id: 'p-vn', pairId: 'p', counterpartId: 'p-cn', statusHistory: [change('2022-04-26', { status: 'restored', pair: true })] });
    const cn = makeFeature({ id: 'p-cn', side: 'CN', pairId: 'p', counterpartId: 'p-vn', statusHistory: [change('2022-04-26', { status: 'suspended', pair: true })] });
    const found = findings(input([vn, cn]), 'counterpart-disagrees');
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('pair-level entry of 2022-04-26 is suspended here but restored on p-vn');
  });

  it('accepts agreeing sides and different statuses of one side alone', () => {
    const vn = makeFeature({ id: 'p-vn', pairId: 'p', counterpartId: 'p-cn', statusHistory: [change('2022-04-26', { status: 'restored', pair: true })] });
    const cn = makeFeature({ id: 'p-cn', side: 'CN', pairId: 'p', counterpartId: 'p-vn', statusHistory: [change('2022-04-26', { status: 'restored', pair: true })] });
    expect(findings(input([vn, cn]), 'counterpart-disagrees')).toEqual([]);
    const oneSided = makeFeature({ id: 'p-cn', side: 'CN', pairId: 'p', counterpartId: 'p-vn', statusHistory: [change('2022-04-26', { status: 'suspended' })] });
    const vnOwn = makeFeature({ id: 'p-vn', pairId: 'p', counterpartId: 'p-cn', statusHistory: [change('2022-04-26', { status: 'restored' })] });
    expect(findings(input([vnOwn, oneSided]), 'counterpart-disagrees')).toEqual([]);
  });
});

describe('sides of a crossing more than 5 km apart', () => {
  // 0.1° of latitude is about 11 km.
  const vn = (reason?: string) => makeFeature({ id: 'x-vn', pairId: 'x', counterpartId: 'x-cn', coordinates: [106, 22.4], pairDistanceReason: reason });
  const cn = makeFeature({ id: 'x-cn', side: 'CN', pairId: 'x', counterpartId: 'x-vn', coordinates: [106, 22.5] });

  it('flags a pair 11 km apart with no stated reason', () => {
    const found = findings(input([vn(), cn]), 'pair-distance');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/x-vn and x-cn are 11\.1 km apart/);
    // An error now: the data has no unexplained pair left, so a new one fails the validator.
    expect(found[0].severity).toBe('error');
  });

  it('accepts a stated reason, close sides, and paired communes', () => {
    expect(findings(input([vn('The two railway stations lie either side of the line, 11 km apart.'), cn]), 'pair-distance')).toEqual([]);
    const near = makeFeature({ id: 'x-cn', side: 'CN', pairId: 'x', counterpartId: 'x-vn', coordinates: [106, 22.43] });
    expect(findings(input([vn(), near]), 'pair-distance')).toEqual([]);
    const communes = [makeFeature({ id: 'c-vn', kind: 'commune', pairId: 'c', coordinates: [106, 22.4] }), makeFeature({ id: 'c-cn', kind: 'commune', side: 'CN', pairId: 'c', coordinates: [106, 22.6] })];
    expect(findings(input(communes), 'pair-distance')).toEqual([]);
  });
});

describe('duplicate source URLs and ids', () => {
  it('flags two sources with one URL, however it is written', () => {
    const sources = [makeSource('a', { url: 'https://en.wikipedia.org/wiki/Lao_Cai' }), makeSource('b', { url: 'http://www.en.wikipedia.org/wiki/Lao_Cai/' })];
    const found = findings(input([], { sources }), 'duplicate-url');
    expect(found.map((f) => [f.id, f.severity])).toEqual([['b', 'error']]);
    expect(found[0].message).toContain('same URL as a');
    expect(normalizedUrl('HTTPS://www.Example.org/x/#top')).toBe('example.org/x');
  });

  it('flags an id used in two files', () => {
    const gate = makeFeature({ id: 'same-id' });
    const event = { id: 'same-id', date: '2020', kind: 'talks', title: 'A meeting', description: 'A meeting of the sides.', featureIds: [], provinceIds: [], agreementIds: [], sourceIds: [SOURCE_ID] } as AtlasEvent;
    const found = findings(input([gate], { events: [event] }), 'duplicate-id');
    expect(found).toEqual([{ check: 'duplicate-id', severity: 'error', file: 'events.json', id: 'same-id', message: 'id also used in gates.geojson' }]);
    expect(findings(input([gate]), 'duplicate-id')).toEqual([]);
  });
});
