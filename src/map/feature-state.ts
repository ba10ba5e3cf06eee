/**
 * Diffs sets of ids into feature-state operations (placemark's updateSelections): only features
 * whose state changes are touched.
 */
export interface StateDiff {
  set: string[];
  clear: string[];
}

export function diffIds(previous: ReadonlySet<string>, next: ReadonlySet<string>): StateDiff {
  return {
    set: [...next].filter((id) => !previous.has(id)),
    clear: [...previous].filter((id) => !next.has(id)),
  };
}

/** Changes in a map of id -> value (e.g. status per feature on a day). */
export function diffValues<T>(previous: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): [string, T | null][] {
  const out: [string, T | null][] = [];
  for (const [id, value] of next) if (previous.get(id) !== value) out.push([id, value]);
  for (const id of previous.keys()) if (!next.has(id)) out.push([id, null]);
  return out;
}
