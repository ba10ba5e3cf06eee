/**
 * A hostile link costs nothing: whatever a link carries, decoding never throws, the camera it
 * gives is always one the map keeps, re-encoding is stable and never writes NaN or Infinity, and
 * the problems it reports are short and in the UI's language. Cases from the robustness audit
 * (shared/audits/2026-11-30-robustness.md) plus property-based runs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLanguage } from '../../../src/i18n';

// Vietnamese and Chinese strings are lazy chunks in the app.
beforeAll(() => Promise.all([loadLanguage('vi'), loadLanguage('zh')]));
import { linkProblemText, type LinkProblem } from '../../../src/lib/problems';
import type { ViewState } from '../../../src/state/types';
import { DEFAULT_URL_STATE, URL_VERSION, canonicalView, decodeSearch, encodeState } from '../../../src/url/codec';
import { VIEW_LIMITS } from '../../../src/url/limits';

const TODAY = '2025-07-15';
const text = (problem: LinkProblem, language = 'en') => linkProblemText(problem, i18n.getFixedT(language));

function expectWithinLimits(view: ViewState) {
  for (const n of [view.zoom, view.center[0], view.center[1], view.bearing, view.pitch]) expect(Number.isFinite(n)).toBe(true);
  expect(view.zoom).toBeGreaterThanOrEqual(VIEW_LIMITS.minZoom);
  expect(view.zoom).toBeLessThanOrEqual(VIEW_LIMITS.maxZoom);
  expect(Math.abs(view.center[1])).toBeLessThanOrEqual(VIEW_LIMITS.maxLat);
  expect(Math.abs(view.center[0])).toBeLessThanOrEqual(VIEW_LIMITS.maxLng);
  expect(view.bearing).toBeGreaterThanOrEqual(-180);
  expect(view.bearing).toBeLessThan(180);
  expect(view.pitch).toBeGreaterThanOrEqual(0);
  expect(view.pitch).toBeLessThanOrEqual(VIEW_LIMITS.maxPitch);
}

describe('hostile map= values from the audit', () => {
  it.each([
    ['a huge bearing', '5/22.5/105/1e308'],
    ['a huge negative bearing', '5/22.5/105/-1.79e308'],
    ['empty parts', '//'],
    ['an empty latitude and longitude', '5//'],
    ['an empty zoom', '/22/105'],
    ['hex numbers', '0x10/0x16/0x69'],
    ['hex in one part', '8/0x16/105'],
    ['Infinity', '5/22/Infinity'],
    ['a number longer than any the app writes', `5/22/1${'0'.repeat(400)}`],
    ['spaces inside', '5/ 22/105'],
    ['a plus sign', '5/+22/105'],
  ])('%s (%s): no camera from the link, one problem, and the rest of the link kept', (_name, value) => {
    const result = decodeSearch(`?map=${encodeURIComponent(value)}&lang=vi`, TODAY);
    expect(result.state.view).toBeNull();
    expect(result.hasView).toBe(false);
    expect(result.state.language).toBe('vi');
    expect(result.problems.map((p) => text(p))).toEqual([expect.stringMatching(/^The map position ".*" could not be read; showing the whole border\.$/)]);
    expect(encodeState(result.state)).toBe(`?v=${URL_VERSION}&lang=vi`);
  });

  it('flattens a pitch past the map limit to the limit, so the URL says what the map shows', () => {
    const result = decodeSearch('?map=8/22.5/104/0/85', TODAY);
    expect(result.state.view?.pitch).toBe(VIEW_LIMITS.maxPitch);
    expect(encodeState(result.state)).toBe(`?v=${URL_VERSION}&map=8/22.5/104/0/60`);
  });

  it('wraps a bearing outside [-180, 180)', () => {
    expect(decodeSearch('?map=8/22.5/104/540', TODAY).state.view?.bearing).toBe(-180);
    expect(decodeSearch('?map=8/22.5/104/-190.5', TODAY).state.view?.bearing).toBe(169.5);
  });

  it('never writes NaN or Infinity, whatever view the state holds', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1e308, -1e308]) {
      const view: ViewState = { zoom: bad, center: [bad, bad], bearing: bad, pitch: bad };
      const encoded = encodeState({ ...DEFAULT_URL_STATE, view });
      expect(encoded).not.toMatch(/NaN|Infinity|e\+/);
      expectWithinLimits(decodeSearch(encoded, TODAY).state.view!);
    }
  });
});

describe('hostile link problems are short and in the UI language', () => {
  it('25,000 unknown statuses make one short problem', () => {
    const result = decodeSearch(`?status=${'x,'.repeat(25_000)}`, TODAY);
    expect(result.problems).toHaveLength(1);
    expect(text(result.problems[0])).toBe('Unknown status "x" ignored.');
  });

  it('thousands of distinct unknown values quote a few and say there are more', () => {
    const values = Array.from({ length: 2000 }, (_, i) => `bad${i}`).join(',');
    const sentence = text(decodeSearch(`?class=${values}`, TODAY).problems[0]);
    expect(sentence).toBe('Unknown class "bad0", "bad1", "bad2", "bad3", "bad4", … ignored.');
  });

  it('a 50,000-character selection quotes at most 60 characters of it', () => {
    const result = decodeSearch(`?sel=gate:${'a'.repeat(50_000)}!`, TODAY);
    expect(text(result.problems[0]).length).toBeLessThan(120);
  });

  it('speaks Vietnamese and Chinese', () => {
    const [problem] = decodeSearch('?date=2099-01-01', TODAY).problems;
    expect(text(problem, 'vi')).toBe('Ngày "2099-01-01" ở tương lai; hiển thị hôm nay.');
    expect(text(problem, 'zh')).toBe('日期“2099-01-01”在未来，显示今天。');
    const [unknown] = decodeSearch('?mode=air', TODAY).problems;
    expect(text(unknown, 'vi')).toBe('Bỏ qua phương thức không xác định: "air".');
  });
});

/** Strings a map= part may be: numbers as the app writes them, and everything a hostile link tries. */
const numberish = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map((n) => n.toFixed(3)),
  fc.constantFrom('', '-', '.', '0x10', '1e308', '-1e308', 'Infinity', 'NaN', ' 5', '5 ', '+5', '1_0', '٣', '0b1', '00012', '-0', '.5', '5.'),
  fc.string({ maxLength: 8 }),
);
const mapValue = fc.array(numberish, { minLength: 0, maxLength: 6 }).map((parts) => parts.join('/'));
const hostileSearch = fc.oneof(
  mapValue.map((v) => `?map=${encodeURIComponent(v)}`),
  fc.tuple(mapValue, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })).map(([m, s, q]) => `?v=1&map=${m}&status=${s}&state=${s}&sel=${q}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const RUNS = 10_000;

describe('decodeSearch, property-based (10,000 runs each)', () => {
  it('never throws, and every problem is a short sentence', () => {
    fc.assert(
      fc.property(hostileSearch, (search) => {
        const result = decodeSearch(search, TODAY);
        for (const problem of result.problems) expect(text(problem).length).toBeLessThan(400);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a camera within the map limits, or none', () => {
    fc.assert(
      fc.property(mapValue, (value) => {
        const { state } = decodeSearch(`?map=${encodeURIComponent(value)}`, TODAY);
        if (state.view) expectWithinLimits(state.view);
      }),
      { numRuns: RUNS },
    );
  });

  it('is stable: decode(encode(decode(x))) equals decode(x), with no problems and no NaN', () => {
    fc.assert(
      fc.property(hostileSearch, (search) => {
        const first = decodeSearch(search, TODAY).state;
        const encoded = encodeState(first);
        expect(encoded).not.toMatch(/NaN|Infinity/);
        const second = decodeSearch(encoded, TODAY);
        expect(second.problems).toEqual([]);
        expect(second.state).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('canonicalView is idempotent and within limits for any numbers', () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -0));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (zoom, lng, lat, bearing, pitch) => {
        const once = canonicalView({ zoom, center: [lng, lat], bearing, pitch });
        expectWithinLimits(once);
        expect(canonicalView(once)).toEqual(once);
      }),
      { numRuns: RUNS },
    );
  });
});
