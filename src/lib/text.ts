/**
 * Text folding for search: Vietnamese and pinyin lose their diacritics ("Hữu Nghị" -> "huu nghi",
 * "Yǒuyìguān" -> "youyiguan"), đ becomes d, case and spacing are normalised. Chinese characters
 * are kept as they are.
 * @example fold('Hữu Nghị') === 'huu nghi'
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[‐-―–—-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True when the text holds Chinese characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Search terms for one text: the folded words, the words run together ("huu nghi" also gives
 * "huunghi", so "youyiguan" matches "You Yi Guan"), and every suffix of a run of Chinese
 * characters (so a prefix search finds "谊关" inside "友谊关").
 */
export function searchTerms(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  const terms = new Set<string>();
  for (const word of folded.split(' ')) {
    if (hasCjk(word)) {
      const chars = [...word];
      for (let i = 0; i < chars.length; i++) terms.add(chars.slice(i).join(''));
    } else terms.add(word);
  }
  const joined = folded.replace(/ /g, '');
  if (joined !== folded) terms.add(joined);
  return [...terms];
}

/**
 * The English form of a Vietnamese place with its Vietnamese spelling restored: each capitalised
 * ASCII word of `english` whose folded form matches a word of `vietnamese` at the same place in a
 * run takes the Vietnamese spelling ("Lao Cai road gate" + "Cửa khẩu Lào Cai" → "Lào Cai road
 * gate"). Words without a match ("road", "Hekou") stay as they are, so Chinese places are unchanged.
 */
export function withVietnameseSpelling(english: string, vietnamese: string | undefined): string {
  if (!vietnamese) return english;
  const viWords = vietnamese.split(/[\s,()/–—-]+/).filter(Boolean);
  const byFold = new Map<string, string>();
  for (const word of viWords) {
    const key = fold(word);
    // A word spelled two ways in the Vietnamese name is ambiguous: leave it.
    if (byFold.has(key) && byFold.get(key) !== word) byFold.set(key, '');
    else byFold.set(key, word);
  }
  return english.replace(/\b[A-Z][A-Za-z]*\b/g, (word) => {
    const vi = byFold.get(fold(word));
    return vi && vi !== word && /^[\p{Lu}]/u.test(vi) ? vi : word;
  });
}
