/**
 * Translating position methods sentence by sentence (data-src/translations/methods-{vi,zh}.json).
 * A method is several sentences, most of them shared between features ("Then moved to the point
 * of the border line nearest that anchor (0.4 km away), 250 m inside China."), so a method is
 * split into sentences and each is looked up: first as an exact English sentence, then against
 * the patterns, whose groups ($1, $2 …) are carried into the translation after the `terms` table
 * (place names, countries) has been applied to them. A method is translated only when every one
 * of its sentences is; otherwise it stays English and the merge script lists the missing sentences.
 */

export interface SentenceTable {
  /** English sentence → translation. */
  sentences?: Record<string, string>;
  /** Whole-sentence regular expressions (anchored here) with a template using $1, $2 … */
  patterns?: { en: string; text: string }[];
  /** Words inside captured groups to replace (e.g. "China" → "Trung Quốc"), longest first. */
  terms?: Record<string, string>;
  /** How sentences are joined in this language (" " for Vietnamese, "" for Chinese). */
  joiner?: string;
}

/**
 * The sentences of a method: split after a full stop followed by a space and a capital letter
 * (a sentence that starts with a lower-case source id, "s17 puts …", stays with the one before).
 * @example splitSentences('Anchored on A. Then moved.') // ['Anchored on A.', 'Then moved.']
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function applyTerms(text: string, terms: Record<string, string>): string {
  const keys = Object.keys(terms).sort((a, b) => b.length - a.length);
  if (!keys.length) return text;
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'gu'), (m) => terms[m] ?? m);
}

/** One sentence's translation, or undefined when neither a sentence nor a pattern matches. */
export function translateSentence(sentence: string, table: SentenceTable): string | undefined {
  const exact = table.sentences?.[sentence];
  if (exact) return exact;
  for (const { en, text } of table.patterns ?? []) {
    const match = new RegExp(`^(?:${en})$`, 'u').exec(sentence);
    if (match) return text.replace(/\$(\d)/g, (_, n: string) => applyTerms(match[Number(n)] ?? '', table.terms ?? {}));
  }
  return undefined;
}

/**
 * A whole text translated sentence by sentence.
 * @returns the translation (undefined unless every sentence was found) and the sentences missing.
 */
export function translateBySentence(text: string, table: SentenceTable): { text?: string; missing: string[] } {
  const sentences = splitSentences(text);
  const out: string[] = [];
  const missing: string[] = [];
  for (const sentence of sentences) {
    const translated = translateSentence(sentence, table);
    if (translated === undefined) missing.push(sentence);
    else out.push(translated);
  }
  return missing.length ? { missing } : { text: out.join(table.joiner ?? ' '), missing };
}
