/** The counts `npm run data:report` prints (issue 9), on small fixtures. */
import { describe, expect, it } from 'vitest';
import { countChecks, hasDescriptionLikeTitle, pairDistances, percent, sharedCoordinates } from '../../../scripts/lib/report-stats';
import { makeFeature } from '../../fixtures/factories';

describe('data report counts', () => {
  it('counts facts by check result, a fact without a check as unchecked', () => {
    const on = '2026-11-30';
    const facts = [{ check: { result: 'confirmed' as const, on } }, { check: { result: 'confirmed' as const, on } }, { check: { result: 'inferred' as const, on, note: 'from the year' } }, {}];
    expect(countChecks(facts)).toEqual({ confirmed: 2, 'source-unavailable': 0, inferred: 1, unchecked: 1 });
    expect(percent(2, 4)).toBe('50.0');
  });

  it('groups the points that sit exactly on one coordinate', () => {
    const features = [makeFeature({ id: 'a', coordinates: [106, 22] }), makeFeature({ id: 'b', coordinates: [106, 22] }), makeFeature({ id: 'c', coordinates: [106, 22.001] })];
    expect(sharedCoordinates(features)).toEqual([['a', 'b']]);
  });

  it('measures each pair of sides once, Vietnamese side first', () => {
    const features = [makeFeature({ id: 'x-cn', side: 'CN', pairId: 'x', coordinates: [106, 22.5] }), makeFeature({ id: 'x-vn', pairId: 'x', coordinates: [106, 22.4] })];
    const [pair, ...rest] = pairDistances(features);
    expect(rest).toEqual([]);
    expect([pair.vn, pair.cn, pair.km.toFixed(1)]).toEqual(['x-vn', 'x-cn', '11.1']);
  });

  it('tells a headline from a description of the page', () => {
    expect(hasDescriptionLikeTitle({ title: 'VietnamPlus Lạng Sơn section index' })).toBe(true);
    expect(hasDescriptionLikeTitle({ title: 'Sina/Xinhua report on Longbang port (6 May 2003)' })).toBe(true);
    expect(hasDescriptionLikeTitle({ title: 'Lộc Bình (Vietnamese Wikipedia, stored mirror)' })).toBe(true);
    expect(hasDescriptionLikeTitle({ title: 'Vietnam, China enhance border ties' })).toBe(false);
    expect(hasDescriptionLikeTitle({ title: 'Tra Linh-Longbang border gates upgraded to int\'l level' })).toBe(false);
  });
});
