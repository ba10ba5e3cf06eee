/**
 * Markers that never hide each other (issue 10): from zoom 13, points that would overlap on
 * screen are drawn spread on a small ring around where they are, with a thin leader line back to
 * the true position. The data's positions are not changed: each source carries, besides the true
 * point, one displaced copy per zoom tier, and a filter on `fz`/`tz` (from/to zoom) shows the
 * copy for the current zoom. Copies share the feature's id, so feature-state (status colour,
 * hover, selection) and the id-list filters apply to every copy alike. Pure; unit-tested.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';

/** Zoom tiers: a ring is laid out for the tier's first zoom and grows with the map inside it. */
export const FAN_TIERS: { from: number; to: number }[] = [
  { from: 13, to: 15 },
  { from: 15, to: 17 },
  { from: 17, to: 99 },
];
export const FAN_MIN_ZOOM = FAN_TIERS[0].from;
/** Two marker centres closer than this (px, at a tier's first zoom) are spread apart. */
export const FAN_SPACING_PX = 28;

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** Ground metres per screen pixel at a latitude and zoom (512 px tiles, as MapLibre uses). */
export function metersPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface FanPoint {
  id: string;
  position: [number, number];
}

/** Displaced position of each spread point in one tier (points that need no spreading are absent). */
export function fanPositions(points: FanPoint[], zoom: number, spacingPx = FAN_SPACING_PX): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (points.length === 0) return out;
  const lat0 = points[0].position[1];
  const mpp = metersPerPixel(lat0, zoom);
  const mx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const my = 110_540;
  // Screen-like metres relative to the first point (y up); fine over a border region this size.
  const xy = points.map((p): [number, number] => [(p.position[0] - points[0].position[0]) * mx, (p.position[1] - points[0].position[1]) * my]);
  const threshold = spacingPx * mpp;
  // Single-linkage clusters with a grid so each point looks at its neighbours only.
  const parent = points.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a === b) return false;
    parent[b] = a;
    return true;
  };
  const closePairs = (at: [number, number][]) => {
    const cell = (v: number) => Math.floor(v / threshold);
    const grid = new Map<string, number[]>();
    at.forEach(([x, y], i) => {
      const key = `${cell(x)},${cell(y)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
    const pairs: [number, number][] = [];
    at.forEach(([x, y], i) => {
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const j of grid.get(`${cell(x) + dx},${cell(y) + dy}`) ?? []) {
            // A hair under the spacing: ring neighbours are exactly one spacing apart.
            if (j > i && Math.hypot(at[j][0] - x, at[j][1] - y) < threshold * 0.999) pairs.push([i, j]);
          }
    });
    return pairs;
  };
  for (const [i, j] of closePairs(xy)) union(i, j);
  // A cluster's ring can land on a neighbour that was left in place, or on another ring: those
  // clusters are merged and laid out again as one, until no two drawn centres are too close.
  let drawn = layoutRings(points, xy, find, spacingPx * mpp, spacingPx);
  for (let pass = 0; pass < points.length; pass++) {
    let merged = false;
    for (const [i, j] of closePairs(drawn)) merged = union(i, j) || merged;
    if (!merged) break;
    drawn = layoutRings(points, xy, find, spacingPx * mpp, spacingPx);
  }
  drawn.forEach(([x, y], i) => {
    if (x === xy[i][0] && y === xy[i][1]) return;
    out.set(points[i].id, [round(points[0].position[0] + x / mx), round(points[0].position[1] + y / my)]);
  });
  return out;
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Each cluster of two or more points on a ring around its centre (metres, y up); a point alone
 * stays where it is. Members keep their own side of the centre (a Vietnamese gate stays on the
 * Vietnamese side of its Chinese twin): in the order of their bearing from the centre, with
 * co-located ones in id order, they get evenly spaced places starting at the first one's bearing.
 */
function layoutRings(points: FanPoint[], xy: number[][], find: (i: number) => number, spacingM: number, spacingPx: number): [number, number][] {
  const clusters = new Map<number, number[]>();
  points.forEach((_, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  });
  const drawn = xy.map(([x, y]) => [x, y] as [number, number]);
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    const cx = members.reduce((s, i) => s + xy[i][0], 0) / members.length;
    const cy = members.reduce((s, i) => s + xy[i][1], 0) / members.length;
    const bearing = (i: number) => Math.atan2(xy[i][1] - cy, xy[i][0] - cx);
    const ordered = [...members].sort((a, b) => bearing(a) - bearing(b) || points[a].id.localeCompare(points[b].id));
    const n = ordered.length;
    const radius = Math.max(spacingPx / (2 * Math.sin(Math.PI / n)), spacingPx / 2) * (spacingM / spacingPx);
    const start = Math.hypot(xy[ordered[0]][0] - cx, xy[ordered[0]][1] - cy) > 1e-6 ? bearing(ordered[0]) : Math.PI / 2;
    ordered.forEach((i, k) => {
      const angle = start + (2 * Math.PI * k) / n;
      drawn[i] = [cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius];
    });
  }
  return drawn;
}

/** Every tier's displaced positions for the given points. */
export function fanLayout(points: FanPoint[]): Map<string, Map<number, [number, number]>> {
  const byId = new Map<string, Map<number, [number, number]>>();
  FAN_TIERS.forEach((tier, t) => {
    for (const [id, position] of fanPositions(points, tier.from)) {
      const tiers = byId.get(id) ?? new Map<number, [number, number]>();
      tiers.set(t, position);
      byId.set(id, tiers);
    }
  });
  return byId;
}

/** Zoom range of each copy of a feature: the true point, then one per tier where it is spread. */
export function copiesOf(position: [number, number], tiers: Map<number, [number, number]> | undefined): { position: [number, number]; fz: number; tz: number }[] {
  const ranges = [{ position, fz: 0, tz: tiers && tiers.size ? FAN_TIERS[0].from : 99 }];
  if (!tiers || tiers.size === 0) return ranges;
  FAN_TIERS.forEach((tier, t) => {
    const moved = tiers.get(t);
    const last = ranges[ranges.length - 1];
    // Adjacent ranges at the true position merge into one copy.
    if (!moved && last.position === position) last.tz = tier.to;
    else ranges.push({ position: moved ?? position, fz: tier.from, tz: tier.to });
  });
  return ranges;
}

/** The position drawn at a zoom: the tier's displaced copy, else the true point. */
export function drawnPosition(position: [number, number], tiers: Map<number, [number, number]> | undefined, zoom: number): [number, number] {
  if (!tiers) return position;
  const t = FAN_TIERS.findIndex((tier) => zoom >= tier.from && zoom < tier.to);
  return (t >= 0 && tiers.get(t)) || position;
}

/** Shows the copy whose zoom range holds the current zoom. */
export const fanZoomFilter: ExpressionSpecification = ['all', ['>=', ['zoom'], ['get', 'fz']], ['<', ['zoom'], ['get', 'tz']]];

/** An id-list filter restricted to the copy for the current zoom. */
export function withFanZoom(filter: FilterSpecification): FilterSpecification {
  return ['all', fanZoomFilter, filter as ExpressionSpecification];
}
