/**
 * Search over every feature and pair by name in any script. MiniSearch does the ranking,
 * prefix and fuzzy matching; lib/text.ts decides what a term is (diacritics folded, words run
 * together, Chinese suffixes), so "huu nghi", "Hữu Nghị", "友谊关", "youyiguan" all find the gate.
 */
import MiniSearch from 'minisearch';
import { fold, searchTerms } from '../lib/text';
import type { AtlasFeature } from './model';
import type { Province } from './schema';

/** Search ids of provinces carry this prefix; feature ids never contain a colon. */
export const PROVINCE_HIT_PREFIX = 'province:';

interface SearchDocument {
  id: string;
  text: string;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Builds the index once per data load. */
export function buildSearchIndex(features: AtlasFeature[], provinces: Province[] = []) {
  const index = new MiniSearch<SearchDocument>({
    fields: ['text'],
    storeFields: [],
    // Terms are produced by searchTerms (already folded), so the tokenizer only splits on our separator.
    tokenize: (text) => text.split('\u0001').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      tokenize: (query) => {
        const folded = fold(query);
        if (!folded) return [];
        const words = folded.split(' ');
        return words;
      },
      processTerm: (term) => term,
    },
  });
  const documents = features.map((feature) => {
    const n = feature.properties.names;
    const texts = [n.vi, n.zh, n.pinyin, n.en, ...(n.aliases ?? []), feature.properties.pairId?.replace(/-/g, ' ')].filter(
      (t): t is string => Boolean(t),
    );
    return { id: feature.properties.id, text: texts.flatMap(searchTerms).join('\u0001') };
  });
  for (const province of provinces) {
    const n = province.names;
    const texts = [n.vi, n.zh, n.en, ...(n.aliases ?? [])].filter((t): t is string => Boolean(t));
    documents.push({ id: `${PROVINCE_HIT_PREFIX}${province.id}`, text: texts.flatMap(searchTerms).join('\u0001') });
  }
  index.addAll(documents);
  return {
    /** Ranked hits; an empty or blank query gives none. */
    search(query: string, limit = 20): SearchHit[] {
      if (!fold(query)) return [];
      let hits = index.search(query);
      // Run-together query ("huunghi", "youyiguan") also matches the joined term.
      if (hits.length === 0) hits = index.search(fold(query).replace(/ /g, ''));
      return hits.slice(0, limit).map((h) => ({ id: String(h.id), score: h.score }));
    },
  };
}

export type SearchIndex = ReturnType<typeof buildSearchIndex>;
