import { describe, expect, it } from 'vitest';
import { buildAtlasData } from '../../../src/data/model';
import { boundsOf, provinceFrame } from '../../../src/state/frames';
import { paddingFromRects } from '../../../src/app/map-padding';
import { readDateDraft } from '../../../src/lib/date-draft';
import { makeFeature, makeSource, SOURCE_ID } from '../../fixtures/factories';

/*
 * A straight west–east border at 22.5°N from 102.0°E to 106.0°E (one vertex every 0.1°), a
 * western province with gates at 102.3°E and 103.2°E, an eastern one at 105.5°E.
 * By hand: the west's stretch runs from the first vertex within 12 km of its gates (102.2°E, since
 * 0.1° of longitude is about 10.3 km there) to the last (103.3°E).
 */
const line = Array.from({ length: 41 }, (_, i) => [102 + i / 10, 22.5]);
const data = buildAtlasData({
  features: [
    makeFeature({ id: 'w1', coordinates: [102.3, 22.52], admin: [{ provinceId: 'west' }] }),
    makeFeature({ id: 'w2', coordinates: [103.2, 22.48], admin: [{ provinceId: 'west' }] }),
    makeFeature({ id: 'e1', coordinates: [105.5, 22.5], admin: [{ provinceId: 'east' }] }),
  ],
  sources: [makeSource(SOURCE_ID)],
  agreements: [],
  events: [],
  provinces: [],
  border: { line: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } }, lengthKm: 400, officialLengthKm: 400, source: 'test', licence: 'test' },
});

describe('provinceFrame', () => {
  it('frames the stretch of border near the province features, not a label point', () => {
    const [[w, s], [e, n]] = provinceFrame(data, ['west'])!;
    expect(w).toBeCloseTo(102.2, 5);
    expect(e).toBeCloseTo(103.3, 5);
    expect(s).toBeCloseTo(22.48, 5);
    expect(n).toBeCloseTo(22.52, 5);
  });

  it('joins several provinces, and has nothing to frame for a province without features', () => {
    const [[w], [e]] = provinceFrame(data, ['west', 'east'])!;
    expect(w).toBeCloseTo(102.2, 5);
    expect(e).toBeCloseTo(105.6, 5);
    expect(provinceFrame(data, ['nowhere'])).toBeNull();
    expect(boundsOf([])).toBeNull();
  });
});

describe('paddingFromRects', () => {
  const map = { left: 0, top: 50, right: 390, bottom: 844 };
  it('pads the bottom for a phone bottom sheet and the left for a drawer; ignores what covers everything', () => {
    expect(paddingFromRects(map, [{ left: 0, top: 407, right: 390, bottom: 844 }])).toEqual({ top: 0, right: 0, bottom: 437, left: 0 });
    expect(paddingFromRects(map, [{ left: 0, top: 50, right: 330, bottom: 844 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 330 });
    expect(paddingFromRects(map, [{ left: 0, top: 0, right: 390, bottom: 900 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(paddingFromRects(map, [{ left: 400, top: 0, right: 800, bottom: 900 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});

describe('readDateDraft', () => {
  const [min, max] = ['1990-01-01', '2026-11-30'];
  it('applies only a complete day in range; waits while the year is still being typed', () => {
    expect(readDateDraft('2021-06-01', min, max)).toEqual({ kind: 'apply', day: '2021-06-01' });
    expect(readDateDraft('', min, max)).toEqual({ kind: 'wait' });
    // 06/01/2 typed so far: the browser reports year 0002.
    expect(readDateDraft('0002-06-01', min, max)).toEqual({ kind: 'wait' });
    expect(readDateDraft('0202-06-01', min, max)).toEqual({ kind: 'wait' });
    expect(readDateDraft('1985-01-01', min, max)).toEqual({ kind: 'out-of-range' });
    expect(readDateDraft('2027-01-01', min, max)).toEqual({ kind: 'out-of-range' });
    expect(readDateDraft('2023-02-30', min, max)).toEqual({ kind: 'wait' });
  });
});
