/**
 * Search over every feature and pair by name in any script. MiniSearch does the matching (prefix,
 * fuzzy) and the BM25 score; lib/text.ts decides what a term is (diacritics folded, words run
 * together, Chinese suffixes), so "huu nghi", "Hữu Nghị", "友谊关", "youyiguan" all find the gate.
 *
 * Ranking is ours, in three steps: how well the query matched a name (exact beats prefix beats
 * fuzzy; the feature's own names beat its pair id), then the kind (gate first), then BM25. BM25
 * alone ranks by name length and repetition: "Móng Cái" is a gate, a market, a city and a post,
 * and the shortest name (the city) won, though the gate is what a search for it means.
 *
 * Events and agreements have their own index (title, places, text) and always rank after the
 * features and provinces: a planner typing a place name wants the place first, its news second.
 * Among equally good event matches the newest comes first ("Joint Working Group" lists the 11th
 * session before the 7th).
 */
import MiniSearch, { type MatchInfo } from 'minisearch';
import { fold, searchTerms } from '../lib/text';
import type { ActivityDocument } from './activity';
import type { AtlasFeature } from './model';
import type { FeatureKind, Province } from './schema';
import { PROVINCE_HIT_PREFIX } from './search-ids';

export { PROVINCE_HIT_PREFIX };

/**
 * Order of kinds among equally good matches: gates, then provinces (a province name is a place
 * one goes to, like a gate), openings, markets, posts and paired places.
 */
const KIND_ORDER: readonly (FeatureKind | 'province')[] = ['gate', 'province', 'opening', 'market', 'post', 'commune'];

interface SearchDocument {
  id: string;
  /** The feature's own names (every script, aliases), as search terms. */
  names: string;
  /** The pair id as words ("mong cai dongxing"): a feature is found by its pair's name, but less well than by its own. */
  pair: string;
}

type Field = 'names' | 'pair';

/** How well one query term matched, by field and by kind of match. A fuzzy-only match scores 1. */
const MATCH_QUALITY: Record<Field, { exact: number; prefix: number }> = {
  names: { exact: 6, prefix: 4 },
  pair: { exact: 3, prefix: 2 },
};
const FUZZY_QUALITY = 1;

/**
 * Match quality of one hit: per query term, the best of its matches, summed over the terms.
 * Discrete on purpose, so equally good matches tie and the kind decides between them.
 * @param match MiniSearch's match info: each document term that matched, and the fields it is in.
 */
function matchQuality(queryTerms: string[], match: MatchInfo): number {
  let total = 0;
  for (const queryTerm of queryTerms) {
    let best = FUZZY_QUALITY;
    for (const [term, fields] of Object.entries(match)) {
      if (!term.startsWith(queryTerm)) continue;
      const how = term === queryTerm ? 'exact' : 'prefix';
      for (const field of fields) best = Math.max(best, MATCH_QUALITY[field as Field]?.[how] ?? FUZZY_QUALITY);
    }
    total += best;
  }
  return total;
}

/** The words a query searches for; the same split the index's search tokenizer makes. */
const queryWords = (query: string) => {
  const folded = fold(query);
  return folded ? folded.split(' ') : [];
};

export interface SearchHit {
  id: string;
  /** MiniSearch's BM25 score. Hits are ordered by match quality and kind first, so it need not fall down the list. */
  score: number;
}

type ActivityField = 'title' | 'places' | 'text';

/** How well one query term matched an event or agreement: its title first, then places, then prose. */
const ACTIVITY_MATCH_QUALITY: Record<ActivityField, { exact: number; prefix: number }> = {
  title: { exact: 6, prefix: 4 },
  places: { exact: 4, prefix: 3 },
  text: { exact: 2, prefix: 1 },
};

function activityMatchQuality(queryTerms: string[], match: MatchInfo): number {
  let total = 0;
  for (const queryTerm of queryTerms) {
    let best = 0;
    for (const [term, fields] of Object.entries(match)) {
      if (!term.startsWith(queryTerm)) continue;
      const how = term === queryTerm ? 'exact' : 'prefix';
      for (const field of fields) best = Math.max(best, ACTIVITY_MATCH_QUALITY[field as ActivityField]?.[how] ?? 0);
    }
    total += best;
  }
  return total;
}

const typeRank = (id: string) => (id.startsWith('event:') ? 0 : 1);

interface IndexedActivity {
  id: string;
  title: string;
  places: string;
  text: string;
}

/**
 * Builds the index once per data load.
 * @param activity Events and agreements (data/activity.ts activityDocuments), or a function giving them;
 *   their index is built on the first searchActivity call.
 */
export function buildSearchIndex(features: AtlasFeature[], provinces: Province[] = [], activity: ActivityDocument[] | (() => ActivityDocument[]) = []) {
  const kindRank = new Map<string, number>(features.map((f) => [f.properties.id, KIND_ORDER.indexOf(f.properties.kind)]));
  const provinceRank = KIND_ORDER.indexOf('province');
  const index = new MiniSearch<SearchDocument>({
    fields: ['names', 'pair'],
    storeFields: [],
    // Terms are produced by searchTerms (already folded), so the tokenizer only splits on our separator.
    tokenize: (text) => text.split('\u0001').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      tokenize: queryWords,
      processTerm: (term) => term,
    },
  });
  const termsOf = (texts: (string | undefined)[]) => texts.filter((t): t is string => Boolean(t)).flatMap(searchTerms).join('\u0001');
  // The index never throws on data: MiniSearch refuses a repeated id, so the first one wins
  // (the loader already drops repeats; this holds for any caller), and a record without names
  // is indexed by its pair only.
  const documents = new Map<string, SearchDocument>();
  const add = (document: SearchDocument) => {
    if (typeof document.id === 'string' && document.id && !documents.has(document.id)) documents.set(document.id, document);
  };
  for (const feature of features) {
    const n: Partial<Province['names']> = feature.properties.names ?? {};
    add({
      id: feature.properties.id,
      names: termsOf([n.vi, n.zh, n.pinyin, n.en, ...(n.aliases ?? [])]),
      pair: termsOf([feature.properties.pairId?.replace(/-/g, ' ')]),
    });
  }
  for (const province of provinces) {
    const n: Partial<Province['names']> = province.names ?? {};
    add({ id: `${PROVINCE_HIT_PREFIX}${province.id}`, names: termsOf([n.vi, n.zh, n.en, ...(n.aliases ?? [])]), pair: '' });
  }
  index.addAll([...documents.values()]);
  const ranked = (words: string[]) =>
    index
      .search(words.join(' '))
      .map((hit) => ({
        id: String(hit.id),
        score: hit.score,
        quality: matchQuality(words, hit.match),
        rank: kindRank.get(String(hit.id)) ?? provinceRank,
      }))
      .sort((a, b) => b.quality - a.quality || a.rank - b.rank || b.score - a.score);
  // The event index is built on the first event search, not at boot: it holds every description
  // in three languages and is not needed to draw the first map.
  let activityIndex: { index: MiniSearch<IndexedActivity>; day: Map<string, string> } | null = null;
  const buildActivityIndex = () => {
    const documents = typeof activity === 'function' ? activity() : activity;
    const index = new MiniSearch<IndexedActivity>({
      fields: ['title', 'places', 'text'],
      storeFields: [],
      tokenize: (text) => text.split('\u0001').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: {
        prefix: true,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'AND',
        tokenize: queryWords,
        processTerm: (term) => term,
        boost: { title: 3, places: 2, text: 1 },
      },
    });
    // Prose is indexed word by word: the run-together form of a whole description is no term anyone types.
    const proseTerms = (texts: string[]) => termsOf(texts.flatMap((t) => t.split(/\s+/)));
    index.addAll(documents.map((a) => ({ id: a.id, title: termsOf(a.title), places: termsOf(a.places), text: proseTerms(a.text) })));
    return { index, day: new Map(documents.map((a) => [a.id, a.day])) };
  };
  const rankedActivity = (words: string[]) => {
    activityIndex ??= buildActivityIndex();
    const { index, day } = activityIndex;
    return index
      .search(words.join(' '))
      .map((hit) => ({ id: String(hit.id), score: hit.score, quality: activityMatchQuality(words, hit.match), day: day.get(String(hit.id)) ?? '' }))
      // At equal match and date, the meeting before the minutes it signed: the event links to the agreement.
      .sort((a, b) => b.quality - a.quality || b.day.localeCompare(a.day) || typeRank(a.id) - typeRank(b.id) || b.score - a.score);
  };
  return {
    /** Ranked hits (best match, then gate before other kinds, then BM25); a blank query gives none. */
    search(query: string, limit = 20): SearchHit[] {
      const words = queryWords(query);
      if (words.length === 0) return [];
      let hits = ranked(words);
      // Run-together query ("huunghi", "youyiguan") also matches the joined term.
      if (hits.length === 0 && words.length > 1) hits = ranked([words.join('')]);
      return hits.slice(0, limit).map(({ id, score }) => ({ id, score }));
    },
    /** Events and agreements matching every word, best match then newest first; ids carry their prefix. */
    searchActivity(query: string, limit = 20): SearchHit[] {
      const words = queryWords(query);
      if (words.length === 0) return [];
      return rankedActivity(words)
        .slice(0, limit)
        .map(({ id, score }) => ({ id, score }));
    },
  };
}

export type SearchIndex = ReturnType<typeof buildSearchIndex>;
