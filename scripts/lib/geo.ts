/**
 * Geometry checks against the border line, shared by the data validator, the estimate placer
 * and the tests. Thin wrappers over turf so the rules (distances, sides) live in one place.
 */
import { booleanPointInPolygon, nearestPointOnLine, point, destination, bearing } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';

export type Country = 'VN' | 'CN';

/** Distance in km from a point to the border line, and the nearest point on it. */
export function nearestOnBorder(border: Feature<LineString>, position: Position) {
  const nearest = nearestPointOnLine(border, point(position), { units: 'kilometers' });
  return { distanceKm: nearest.properties.dist ?? Infinity, position: nearest.geometry.coordinates, index: nearest.properties.index ?? 0 };
}

/** Which country polygon holds the point, or null (sea, Laos, outside the clip). */
export function countryAt(countries: Feature<Polygon | MultiPolygon, { a3: string }>[], position: Position): Country | null {
  const p = point(position);
  for (const country of countries) {
    if (country.properties.a3 !== 'VNM' && country.properties.a3 !== 'CHN') continue;
    if (booleanPointInPolygon(p, country)) return country.properties.a3 === 'VNM' ? 'VN' : 'CN';
  }
  return null;
}

/**
 * Moves a point from the border line into one country: tries both perpendicular directions of
 * the nearest border segment and keeps the one that lands in `side`. When the nearest point is the
 * tip of a hairpin, neither perpendicular of that short segment leaves the sliver between the two
 * legs, so the perpendiculars of the two neighbouring segments are tried next (points that the
 * first try places are unchanged). Returns null if none lands in `side` (the caller reports it).
 */
export function stepIntoCountry(
  border: Feature<LineString>,
  countries: Feature<Polygon | MultiPolygon, { a3: string }>[],
  onBorder: Position,
  segmentIndex: number,
  side: Country,
  stepMeters: number,
): Position | null {
  const line = border.geometry.coordinates;
  for (const index of [segmentIndex, segmentIndex - 1, segmentIndex + 1]) {
    const a = line[Math.max(0, index)];
    const b = line[Math.min(line.length - 1, index + 1)];
    if (a[0] === b[0] && a[1] === b[1]) continue;
    const along = bearing(point(a), point(b));
    for (const turn of [90, -90]) {
      for (const scale of [1, 2, 4]) {
        const moved = destination(point(onBorder), (stepMeters * scale) / 1000, along + turn, { units: 'kilometers' }).geometry.coordinates;
        if (countryAt(countries, moved) === side) return moved.map((v) => Math.round(v * 1e5) / 1e5);
      }
    }
  }
  return null;
}
