/**
 * Problem lines for the banner, made safe to show whatever a link or a data file carried: a
 * hostile link can hold thousands of bad values, and each becomes a sentence. The banner shows a
 * few, each cut to a readable length, without repeats, and says how many more there are.
 */

/** Longest problem sentence the banner shows, in characters (a long id or value is cut with "…"). */
export const MAX_PROBLEM_LENGTH = 240;
/** How many problem lines the banner shows before "and N more". */
export const MAX_PROBLEMS_SHOWN = 6;

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

/** A translate function (i18next's `t`), narrowed to what the problem texts need. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A problem a link carried, as a key under `harden2.link` in src/i18n and its parameters, so the
 * banner words it in the UI language. A plain string is shown as it is (older call sites).
 */
export type LinkProblem = string | { key: string; params?: Record<string, string | number> };

/** Parameters whose value names a noun to translate first: `what` (harden2.link.what.*), kinds (harden2.link.kind.*), days (lang3.link.day.*). */
const NOUN_PARAMS: Record<string, string> = { what: 'harden2.link.what', actual: 'harden2.link.kind', expected: 'harden2.link.kind', day: 'lang3.link.day' };
/** Parameters holding a comma-separated list of values, each translated (detailed statuses, planner states). */
const LIST_PARAMS: Record<string, string> = { statuses: 'lang3.link.status', states: 'lang3.link.state' };

/** The sentence of one link problem in the UI language (without the "Part of this link…" prefix). */
export function linkProblemText(problem: LinkProblem, t: Translate): string {
  if (typeof problem === 'string') return problem;
  const params: Record<string, unknown> = { ...problem.params };
  for (const [name, prefix] of Object.entries(NOUN_PARAMS)) {
    // A noun with no translation yet reads as itself (English), never as its key.
    if (typeof params[name] === 'string') params[name] = t(`${prefix}.${params[name] as string}`, { defaultValue: params[name] as string });
  }
  for (const [name, prefix] of Object.entries(LIST_PARAMS)) {
    if (typeof params[name] !== 'string') continue;
    const items = (params[name] as string).split(',').map((s) => s.trim()).filter(Boolean);
    params[name] = items.map((item) => t(`${prefix}.${item}`, { defaultValue: item })).join(t('lang3.link.listSeparator', { defaultValue: ', ' }));
  }
  // A key with a namespace (lang3.link.side) is used as it is; a bare key lives under harden2.link.
  return t(problem.key.includes('.') ? problem.key : `harden2.link.${problem.key}`, params);
}

/** What a data-load problem says, structured by src/data/load.ts. */
export interface LoadProblemLike {
  file: string;
  reason: string;
  record?: string;
  detail: string;
  layer: boolean;
}

/**
 * The sentence of one data problem in the UI language: the file, the record (when only a record
 * was dropped) and why; "that layer is not shown" only when a whole map layer's file was dropped.
 */
export function loadProblemText(problem: LoadProblemLike, t: Translate): string {
  const sentence = t(`harden2.load.${problem.reason}`, { file: problem.file, record: problem.record, detail: problem.detail });
  if (problem.record !== undefined) return sentence;
  return `${sentence} ${t(problem.layer ? 'harden2.load.layerNotShown' : 'harden2.load.fileNotShown')}`;
}
