/**
 * Problem lines for the banner, made safe to show whatever a link or a data file carried: a
 * hostile link can hold thousands of bad values, and each becomes a sentence. The banner shows a
 * few, each cut to a readable length, without repeats, and says how many more there are.
 */

/** Longest problem sentence the banner shows, in characters (a long id or value is cut with "…"). */
export const MAX_PROBLEM_LENGTH = 240;
/** How many problem lines the banner shows before "and N more". */
export const MAX_PROBLEMS_SHOWN = 4;

/** Cuts a sentence to `max` characters without splitting a surrogate pair. */
export function truncateText(text: string, max = MAX_PROBLEM_LENGTH): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * De-duplicates and truncates problem lines and keeps at most `max` of them.
 * @returns the lines to show and how many distinct lines were left out.
 * @example summariseProblems(['a', 'a', 'b'], 1) // { shown: ['a'], hidden: 1 }
 */
export function summariseProblems(lines: readonly string[], max = MAX_PROBLEMS_SHOWN): { shown: string[]; hidden: number } {
  const distinct = [...new Set(lines.map((line) => truncateText(line.trim())).filter(Boolean))];
  return { shown: distinct.slice(0, max), hidden: Math.max(0, distinct.length - max) };
}
