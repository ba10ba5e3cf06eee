/**
 * Pure builders of MapLibre filter expressions from app state. The point sources are loaded
 * once; filtering is only ever a setFilter with one of these.
 */
import type { FilterSpecification } from 'maplibre-gl';

/** Shows exactly the features whose promoted id is in `ids`. */
export function idFilter(ids: readonly string[]): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids]]] as FilterSpecification;
}

/** Pair links are shown when both of their ends are visible. */
export function pairLinkFilter(visibleIds: Iterable<string>, links: readonly { id: string; ends: readonly [string, string] }[]): FilterSpecification {
  const visible = new Set(visibleIds);
  const shown = links.filter((l) => visible.has(l.ends[0]) && visible.has(l.ends[1]));
  return idFilter(shown.map((l) => l.id));
}

/** Deep equality for filter specs (small JSON arrays), so setters run only on change. */
export function sameExpression(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
