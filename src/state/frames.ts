/**
 * What the camera frames (issue 8): a province's stretch of the border, not its centroid (Yunnan's
 * centroid is near Kunming, 250 km from the line), and the features the filters leave. Pure:
 * bounds in, bounds out; the map adapter does the moving.
 */
import { allProvincesOf, type AtlasData } from '../data/model';
import { distanceKm } from '../lib/distance';

/** [[west, south], [east, north]] */
export type Bounds = [[number, number], [number, number]];

/** Border vertices this close to a province's features belong to its stretch. */
export const STRETCH_KM = 12;

export function boundsOf(points: readonly (readonly [number, number] | readonly number[])[]): Bounds | null {
  if (!points.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [[w, s], [e, n]];
}

/**
 * The stretch of the border a set of provinces holds: the border vertices from the first to the
 * last one within STRETCH_KM of any of their features (so the line between two gates counts),
 * together with the features. Null when the provinces have no feature (e.g. Yên Bái, which has
 * no border of its own in the data).
 */
export function provinceFrame(data: AtlasData, provinceIds: readonly string[]): Bounds | null {
  const features = data.features.filter((f) => allProvincesOf(f).some((id) => provinceIds.includes(id)));
  if (!features.length) return null;
  const points: number[][] = features.map((f) => f.geometry.coordinates);
  const line = data.border?.line.geometry.coordinates ?? [];
  let first = -1;
  let last = -1;
  // Cheap prefilter in degrees (0.15° ≈ 15 km here) before the great-circle distance.
  const box = boundsOf(points)!;
  const margin = 0.15;
  for (let i = 0; i < line.length; i++) {
    const [x, y] = line[i];
    if (x < box[0][0] - margin || x > box[1][0] + margin || y < box[0][1] - margin || y > box[1][1] + margin) continue;
    if (points.some((p) => distanceKm(p, [x, y]) <= STRETCH_KM)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first >= 0) for (let i = first; i <= last; i++) points.push(line[i]);
  return boundsOf(points);
}

/** Frame for a list of feature ids (the "zoom to results" control). */
export function featuresFrame(data: AtlasData, ids: readonly string[]): Bounds | null {
  return boundsOf(ids.map((id) => data.byId.get(id)?.geometry.coordinates).filter((c): c is [number, number] => Array.isArray(c)));
}
