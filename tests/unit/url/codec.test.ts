import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYER_IDS, type LayerId } from '../../../src/data/model';
import { CrossingMode, EventKind, FeatureKind, GateClass } from '../../../src/data/schema';
import { PLANNER_STATES } from '../../../src/data/planner-state';
import { DEFAULT_FILTERS } from '../../../src/state/slices/filters';
import { DEFAULT_LAYERS } from '../../../src/state/slices/layers';
import {
  DEFAULT_URL_STATE,
  canonicalView,
  coordinateDecimals,
  decodeSearch,
  encodeState,
  type UrlState,
} from '../../../src/url/codec';
import { EARLIEST_AS_OF_DAY } from '../../../src/url/limits';
import { deepFreeze } from '../../fixtures/factories';
import { i18n, loadLanguage } from '../../../src/i18n';
import { linkProblemText, type LinkProblem } from '../../../src/lib/problems';

/** A link problem as the English banner words it. */
const english = (problem: LinkProblem) => linkProblemText(problem, i18n.getFixedT('en'));

// Vietnamese and Chinese strings are lazy chunks in the app.
beforeAll(() => Promise.all([loadLanguage('vi'), loadLanguage('zh')]));


function urlState(patch: Partial<Omit<UrlState, 'filters'>> & { filters?: Partial<UrlState['filters']> } = {}): UrlState {
  return deepFreeze({
    ...DEFAULT_URL_STATE,
    ...patch,
    filters: { ...DEFAULT_FILTERS, ...patch.filters },
    layers: { ...DEFAULT_LAYERS, ...patch.layers },
  });
}

describe('encodeState', () => {
  it('encodes the default state to an empty string', () => {
    expect(encodeState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes a readable, ordered query for a typical shared link', () => {
    const state = urlState({
      view: { zoom: 7.2, center: [104.33, 22.61], bearing: 0, pitch: 0 },
      filters: { kinds: ['gate'], side: 'VN', states: ['open', 'closed'], provinces: ['lao-cai'], date: '2025-07-01' },
      selection: { kind: 'feature', featureKind: 'gate', id: 'huu-nghi-youyiguan-vn' },
    });
    expect(encodeState(state)).toBe(
      '?v=2&map=7.2/22.61/104.33&kind=gate&side=vn&state=open,closed&prov=lao-cai&date=2025-07-01&sel=gate:huu-nghi-youyiguan-vn',
    );
  });

  it('lists the visible layers only when some are hidden, and "none" when all are', () => {
    expect(encodeState(urlState({ layers: { ...DEFAULT_LAYERS, markets: false, posts: false } }))).toBe(
      '?v=2&layers=gates,openings,communes',
    );
    const allHidden = Object.fromEntries(LAYER_IDS.map((id) => [id, false])) as Record<LayerId, boolean>;
    expect(encodeState(urlState({ layers: allHidden }))).toBe('?v=2&layers=none');
  });
});

// ---- property-based round trip ---------------------------------------------------------------

/** Fixed "today" for the tests that need one, so they do not change with the calendar. */
const TODAY = '2025-07-15';

// Days a link may carry: from the earliest the date control offers up to today.
const day = fc
  .date({ min: new Date(`${EARLIEST_AS_OF_DAY}T00:00:00Z`), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const kebab = fc.stringMatching(/^[a-z]+(-[a-z]+)*$/).filter((s) => s.length <= 40);
const featureId = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((s) => s.length <= 60);

const view = fc
  .record({
    zoom: fc.double({ min: 0, max: 22, noNaN: true }),
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
    bearing: fc.oneof(fc.constant(0), fc.double({ min: -180, max: 180, noNaN: true })),
    pitch: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 85, noNaN: true })),
  })
  .map(({ zoom, lat, lng, bearing, pitch }) => canonicalView({ zoom, center: [lng, lat], bearing, pitch }));

// A query the codec carries as typed: blank queries are not written, and the link keeps at most
// 100 UTF-16 units (the store may hold more; that is covered by the hostile table below).
const query = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((q) => q.trim() !== '' && q.length <= 100),
);

const selection: fc.Arbitrary<UrlState['selection']> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('feature' as const), featureKind: fc.constantFrom(...FeatureKind.options), id: featureId }),
  fc.record({ kind: fc.constant('province' as const), id: featureId }),
  fc.record({ kind: fc.constantFrom('event' as const, 'agreement' as const), id: featureId }),
);

const layers = fc.tuple(...LAYER_IDS.map(() => fc.boolean())).map(
  (flags) => Object.fromEntries(LAYER_IDS.map((id, i) => [id, flags[i]])) as Record<LayerId, boolean>,
);

// The activity view: a range never ends before it starts; its end may lie in the future (the current year's bar).
const activity: fc.Arbitrary<UrlState['activity']> = fc
  .record({
    open: fc.boolean(),
    kinds: fc.shuffledSubarray([...EventKind.options], { maxLength: 3 }),
    provinces: fc.uniqueArray(kebab, { maxLength: 3 }),
    pair: fc.option(featureId, { nil: null }),
    from: fc.option(day, { nil: null }),
    to: fc.option(fc.oneof(day, fc.constant('2025-12-31')), { nil: null }),
  })
  .map(({ open, ...filter }) => ({ open, filter: filter.from && filter.to && filter.from > filter.to ? { ...filter, to: null } : filter }));

const anyUrlState: fc.Arbitrary<UrlState> = fc.record({
  view: fc.option(view, { nil: null }),
  filters: fc.record({
    kinds: fc.shuffledSubarray([...FeatureKind.options]),
    states: fc.shuffledSubarray([...PLANNER_STATES]),
    side: fc.constantFrom('both' as const, 'VN' as const, 'CN' as const),
    classes: fc.shuffledSubarray([...GateClass.options]),
    modes: fc.shuffledSubarray([...CrossingMode.options]),
    provinces: fc.uniqueArray(kebab, { maxLength: 4 }),
    date: fc.option(day, { nil: null }),
    query,
  }),
  layers,
  selection,
  language: fc.constantFrom('en' as const, 'vi' as const, 'zh' as const),
  baseLayer: fc.constantFrom('offline' as const, 'osm' as const),
  listOpen: fc.boolean(),
  activity,
  compareFrom: fc.option(day, { nil: null }),
}).map((state) => (state.compareFrom && state.compareFrom >= (state.filters.date ?? TODAY) ? { ...state, compareFrom: null } : state));

describe('decodeSearch(encodeState(s))', () => {
  it('gives back every canonical state exactly, with no problems', () => {
    fc.assert(
      fc.property(anyUrlState, (state) => {
        const decoded = decodeSearch(encodeState(state), TODAY);
        expect(decoded.problems).toEqual([]);
        expect(decoded.state).toEqual(state);
        expect(decoded.hasView).toBe(state.view !== null);
      }),
      { numRuns: 500 },
    );
  });

  it('canonicalView is idempotent (a decoded view encodes to the same text)', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(canonicalView(v)).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- broken and hostile links -----------------------------------------------------------------

interface BrokenCase {
  name: string;
  search: string;
  /** What the decoded state must hold for the bad part. */
  expectState: (state: UrlState) => void;
  problem: RegExp | null;
}

const LONG_QUERY = 'x'.repeat(5000);

const BROKEN: BrokenCase[] = [
  { name: 'map=abc', search: 'map=abc', expectState: (s) => expect(s.view).toBeNull(), problem: /map position "abc" could not be read/ },
  { name: 'map out of range', search: 'map=99/0/0', expectState: (s) => expect(s.view).toBeNull(), problem: /"99\/0\/0" is out of range/ },
  { name: 'map with two parts', search: 'map=1/2', expectState: (s) => expect(s.view).toBeNull(), problem: /map position "1\/2"/ },
  {
    name: 'one bad state among good',
    search: 'state=open,bogus',
    expectState: (s) => expect(s.filters.states).toEqual(['open']),
    problem: /Unknown state "bogus"/,
  },
  { name: 'day in the future', search: 'date=2099-01-01', expectState: (s) => expect(s.filters.date).toBeNull(), problem: /"2099-01-01" is in the future/ },
  { name: 'tomorrow', search: 'date=2025-07-16', expectState: (s) => expect(s.filters.date).toBeNull(), problem: /"2025-07-16" is in the future/ },
  {
    name: 'day before the earliest',
    search: 'date=1700-01-01',
    expectState: (s) => expect(s.filters.date).toBeNull(),
    problem: /"1700-01-01" is before 1990-01-01/,
  },
  { name: 'the day before the earliest', search: 'date=1989-12-31', expectState: (s) => expect(s.filters.date).toBeNull(), problem: /before 1990-01-01/ },
  { name: 'list=yes', search: 'list=yes', expectState: (s) => expect(s.listOpen).toBe(false), problem: /list setting "yes" could not be read/ },
  { name: 'list=true', search: 'list=true', expectState: (s) => expect(s.listOpen).toBe(false), problem: /list setting "true"/ },
  { name: 'unreadable version', search: 'v=abc', expectState: () => undefined, problem: /link version "abc" could not be read/ },
  { name: 'impossible day', search: 'date=2023-02-30', expectState: (s) => expect(s.filters.date).toBeNull(), problem: /"2023-02-30" is not a calendar day/ },
  { name: 'script as date', search: 'date=<script>', expectState: (s) => expect(s.filters.date).toBeNull(), problem: /not a calendar day/ },
  { name: 'selection without id', search: 'sel=gate:', expectState: (s) => expect(s.selection).toEqual({ kind: 'none' }), problem: /selected feature "gate:"/ },
  {
    name: 'path traversal in selection',
    search: 'sel=gate:../../etc',
    expectState: (s) => expect(s.selection).toEqual({ kind: 'none' }),
    problem: /could not be read/,
  },
  {
    name: 'markup as selection',
    search: 'sel=<img src=x>',
    expectState: (s) => expect(s.selection).toEqual({ kind: 'none' }),
    problem: /could not be read/,
  },
  { name: 'unknown side', search: 'side=left', expectState: (s) => expect(s.filters.side).toBe('both'), problem: /Unknown side "left"/ },
  { name: 'unknown kind', search: 'kind=gate,castle', expectState: (s) => expect(s.filters.kinds).toEqual(['gate']), problem: /Unknown kind "castle"/ },
  { name: 'unknown language', search: 'lang=xx', expectState: (s) => expect(s.language).toBe('en'), problem: /Unknown language "xx"/ },
  { name: 'unknown basemap', search: 'base=evil', expectState: (s) => expect(s.baseLayer).toBe('offline'), problem: /Unknown basemap "evil"/ },
  { name: 'unknown layers', search: 'layers=nonsense', expectState: (s) => expect(s.layers).toEqual(DEFAULT_LAYERS), problem: /Unknown layer "nonsense"/ },
  { name: 'newer version', search: 'v=99', expectState: () => undefined, problem: /newer version of Border Atlas \(v=99\)/ },
  {
    name: 'very long query',
    search: `q=${LONG_QUERY}`,
    expectState: (s) => expect(s.filters.query).toBe('x'.repeat(100)),
    problem: null,
  },
  {
    name: 'percent garbage in a list',
    search: 'state=%E0%A4%A',
    expectState: (s) => expect(s.filters.states).toEqual([]),
    problem: /Unknown state/,
  },
  {
    name: 'percent garbage in the selection',
    search: 'sel=%E0%A4%A',
    expectState: (s) => expect(s.selection).toEqual({ kind: 'none' }),
    problem: /selected feature/,
  },
];

describe('v=1 links (detailed statuses)', () => {
  it('reads status= as the states those statuses belong to, and says so in one sentence', () => {
    const result = decodeSearch('?v=1&status=operating,restored&prov=lao-cai', TODAY);
    expect(result.state.filters.states).toEqual(['open']);
    expect(result.state.filters.provinces).toEqual(['lao-cai']);
    expect(result.problems).toHaveLength(1);
    expect(english(result.problems[0])).toMatch(/detailed status \(operating, restored\); it now shows the state open,/);
    // The same sentence in Vietnamese names the statuses and states in Vietnamese.
    expect(linkProblemText(result.problems[0], i18n.getFixedT('vi'))).toContain('đang hoạt động, đã khôi phục');
  });

  it('maps each status to its state and writes the link back as v=2', () => {
    const result = decodeSearch('?v=1&status=suspended,planned,upgrading', TODAY);
    expect(result.state.filters.states).toEqual(['open', 'closed', 'not-yet-open']);
    expect(encodeState(result.state)).toBe('?v=2&state=open,closed,not-yet-open');
  });

  it('keeps a v=1 link without status as it was', () => {
    const result = decodeSearch('?v=1&prov=lang-son&date=2023-01-01', TODAY);
    expect(result.problems).toEqual([]);
    expect(result.state.filters).toMatchObject({ provinces: ['lang-son'], date: '2023-01-01', states: [], side: 'both', kinds: [] });
  });
});

describe('decodeSearch on broken links', () => {
  it.each(BROKEN)('$name: drops only the bad part and says so', ({ search, expectState, problem }) => {
    // Every case carries a good part too, which must survive.
    const result = decodeSearch(`?${search}&prov=lao-cai&lang=vi`, TODAY);
    expectState(result.state);
    expect(result.state.filters.provinces).toEqual(['lao-cai']);
    if (problem) {
      expect(result.problems).toHaveLength(1);
      expect(english(result.problems[0])).toMatch(problem);
    } else {
      expect(result.problems).toEqual([]);
    }
  });

  it('keeps the language of a link whose only fault is elsewhere', () => {
    expect(decodeSearch('?map=abc&lang=vi').state.language).toBe('vi');
  });

  it('reads percent garbage in the query without throwing, and the result encodes again', () => {
    const result = decodeSearch('?q=%E0%A4%A&state=open');
    expect(result.state.filters.states).toEqual(['open']);
    expect(result.state.filters.query).not.toBe('');
    expect(() => encodeState(result.state)).not.toThrow();
  });

  it('truncates a long query without splitting a character, so the state can be written back', () => {
    // 99 ASCII letters then an emoji (two UTF-16 units straddling the 100-unit limit).
    const result = decodeSearch(`?q=${'a'.repeat(99)}${encodeURIComponent('😀')}`);
    expect(result.state.filters.query.length).toBeLessThanOrEqual(100);
    expect(() => encodeState(result.state)).not.toThrow();
    expect(decodeSearch(encodeState(result.state)).state.filters.query).toBe(result.state.filters.query);
  });

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (search) => {
        const result = decodeSearch(search);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('drops repeated values silently (a hand-edited link is not an error)', () => {
    const result = decodeSearch('?state=open,open,closed&prov=lao-cai,lao-cai');
    expect(result.state.filters.states).toEqual(['open', 'closed']);
    expect(result.state.filters.provinces).toEqual(['lao-cai']);
    expect(result.problems).toEqual([]);
  });

  it('reports several bad parts separately', () => {
    const result = decodeSearch('?lang=xx&base=evil&date=nope');
    expect(result.problems).toHaveLength(3);
  });
});

describe('the as-of day in a link', () => {
  it.each([EARLIEST_AS_OF_DAY, '2014-04-16', TODAY])('accepts %s, inside the range the date control offers', (date) => {
    const result = decodeSearch(`?date=${date}`, TODAY);
    expect(result.state.filters.date).toBe(date);
    expect(result.problems).toEqual([]);
  });

  it("measures the future from the real today when no day is given", () => {
    expect(decodeSearch('?date=2099-01-01').problems.map(english)).toEqual(['The date "2099-01-01" is in the future; showing today.']);
  });
});

describe('the list parameter', () => {
  it('opens the list for list=1', () => {
    expect(decodeSearch('?list=1').state.listOpen).toBe(true);
  });

  it('reads a hand-edited list=0 as closed, without a problem', () => {
    const result = decodeSearch('?list=0');
    expect(result.state.listOpen).toBe(false);
    expect(result.problems).toEqual([]);
  });
});

describe('empty values', () => {
  it('count as absent: the default, and no problem', () => {
    const result = decodeSearch('?v=&date=&list=&lang=&base=&sel=&map=');
    expect(result.state).toEqual(DEFAULT_URL_STATE);
    expect(result.problems).toEqual([]);
  });
});

describe('province selection', () => {
  it('writes sel=province:<id> and reads it back', () => {
    const state = urlState({ selection: { kind: 'province', id: 'ha-giang' } });
    expect(encodeState(state)).toBe('?v=2&sel=province:ha-giang');
    expect(decodeSearch('?v=2&sel=province:ha-giang').state.selection).toEqual({ kind: 'province', id: 'ha-giang' });
  });

  it('refuses a province id that is not kebab-case', () => {
    const result = decodeSearch('?sel=province:Ha%20Giang');
    expect(result.state.selection).toEqual({ kind: 'none' });
    expect(result.problems).toHaveLength(1);
  });
});

describe('coordinateDecimals', () => {
  it('never decreases as the zoom grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), fc.double({ min: 0, max: 22, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(coordinateDecimals(low)).toBeLessThanOrEqual(coordinateDecimals(high));
      }),
    );
  });

  it('gives whole-border views few decimals and street views many', () => {
    expect(coordinateDecimals(5)).toBe(2);
    expect(coordinateDecimals(16)).toBe(6);
  });
});

describe('activity view and date comparison in the URL', () => {
  it('reads the comparison and the activity filters a planner shares', () => {
    const { state, problems } = decodeSearch('?v=1&from=2021-06-01&date=2023-06-01&activity=1&akind=working-group,talks&aprov=lai-chau&afrom=2023-01-01&ato=2023-12-31&sel=event:t162-jwg-11', TODAY);
    expect(problems).toEqual([]);
    expect(state.compareFrom).toBe('2021-06-01');
    expect(state.activity).toEqual({ open: true, filter: { kinds: ['working-group', 'talks'], provinces: ['lai-chau'], pair: null, from: '2023-01-01', to: '2023-12-31' } });
    expect(state.selection).toEqual({ kind: 'event', id: 't162-jwg-11' });
  });

  it('reports an inverted, equal or malformed comparison date and drops it', () => {
    const inverted = decodeSearch('?from=2023-06-01&date=2021-06-01', TODAY);
    expect([inverted.state.compareFrom, inverted.state.filters.date]).toEqual([null, '2021-06-01']);
    expect(inverted.problems.map(english)).toEqual(['The comparison date "2023-06-01" is not before the as-of date 2021-06-01; no comparison is shown.']);
    expect(decodeSearch('?from=2025-07-15', TODAY).problems.map(english)).toEqual(['The comparison date "2025-07-15" is not before the as-of date 2025-07-15; no comparison is shown.']);
    expect(decodeSearch('?from=2021-02-30', TODAY).problems.map(english)).toEqual(['The comparison date "2021-02-30" is not a calendar day (YYYY-MM-DD); it is ignored.']);
    // Without date= the later day is today.
    expect(decodeSearch('?from=2024-01-01', TODAY).state.compareFrom).toBe('2024-01-01');
  });

  it('drops an activity range that ends before it starts, and unknown kinds', () => {
    const { state, problems } = decodeSearch('?afrom=2023-06-01&ato=2023-01-01&akind=talks,gossip', TODAY);
    expect(state.activity.filter).toMatchObject({ kinds: ['talks'], from: '2023-06-01', to: null });
    expect(problems.map(english)).toEqual(['Unknown event kind "gossip" ignored.', 'The activity range 2023-06-01 – 2023-01-01 ends before it starts; the end date is ignored.']);
  });
});

describe('link problems of the side, comparison and activity parameters in the UI language', () => {
  const search = '?side=left&from=2099-01-01&activity=yes&aprov=Bad_Id&apair=No!&afrom=2021-02-30&ato=abc';
  it('word each problem in Vietnamese and Chinese, quoting the value', () => {
    const { problems } = decodeSearch(search, TODAY);
    expect(problems).toHaveLength(7);
    const vi = problems.map((p) => linkProblemText(p, i18n.getFixedT('vi')));
    const zh = problems.map((p) => linkProblemText(p, i18n.getFixedT('zh')));
    expect(vi[0]).toBe('Phía "left" không xác định (vn, cn hoặc both); hiển thị cả hai phía.');
    expect(vi[1]).toBe('Ngày so sánh "2099-01-01" nằm trong tương lai; đã bỏ qua.');
    expect(zh[1]).toBe('比较日期“2099-01-01”在未来；已忽略。');
    expect(zh.join(' ')).toContain('动态开始日期“2021-02-30”不是有效日期');
    // No sentence is left in English: none contains an English function word.
    for (const sentence of [...vi, ...zh]) expect(sentence).not.toMatch(/\b(the|is|ignored|Unknown)\b/);
    expect(problems.map(english)[0]).toBe('Unknown side "left" (vn, cn or both); showing both sides.');
  });
});
