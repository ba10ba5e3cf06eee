/**
 * Recomputes every estimated gate, opening and market position from its anchor: the point of the
 * border line nearest the anchor (a sourced commune or district position), moved a short step
 * into the feature's own country. Communes and posts keep their anchor as their point.
 * Run with `npm run data:place`; tests/data check that the committed files match its output.
 */
import { nearestOnBorder, stepIntoCountry } from './lib/geo';
import { KINDS } from '../src/data/kinds';
import { GEO_DIR, readBorder, readCountries, readJson, writeJson } from './lib/data-files';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';

/** How far inside its own country a snapped point sits: clear of the line at any zoom. */
export const STEP_METERS = 250;
const SNAPPED_KINDS = new Set(['gate', 'opening', 'market']);
/** The sentence the placer appends; it is stripped before appending, so re-runs never stack it. */
const PLACEMENT_NOTE = 'Then moved to the point of the border line nearest that anchor';
/**
 * The sentence that names the other features drawn on exactly the same point (distinct facilities
 * on one anchor). Points are never jittered apart: that would invent a coordinate; the map
 * separates them on screen. Stripped and rewritten on every run.
 */
const SHARED_NOTE = 'Drawn on the same point as';

interface Placeable {
  id: string;
  kind: string;
  side: 'VN' | 'CN';
  location: { precision: string; method: string; anchor?: { lng: number; lat: number } };
}

/** The position an estimated feature should have, or null when it is not snapped. */
export function placedPosition(
  properties: Placeable,
  border: Feature<LineString>,
  countries: Feature<Polygon | MultiPolygon, { a3: string }>[],
): { position: number[]; method: string } | null {
  const { location } = properties;
  if (!location.precision.startsWith('estimated') || !location.anchor) return null;
  const anchor = [location.anchor.lng, location.anchor.lat];
  const baseMethod = withoutSharedNote(location.method).split(` ${PLACEMENT_NOTE}`)[0].trim();
  if (!SNAPPED_KINDS.has(properties.kind)) return { position: anchor, method: baseMethod };
  const nearest = nearestOnBorder(border, anchor);
  const moved = stepIntoCountry(border, countries, nearest.position, nearest.index, properties.side, STEP_METERS);
  if (!moved) throw new Error(`${properties.id}: could not step into ${properties.side} from the border near ${anchor.join(',')}`);
  const sideName = properties.side === 'VN' ? 'Vietnam' : 'China';
  const method = `${baseMethod.replace(/\.?$/, '.')} ${PLACEMENT_NOTE} (${nearest.distanceKm.toFixed(1)} km away), ${STEP_METERS} m inside ${sideName}.`;
  return { position: moved, method };
}

function withoutSharedNote(method: string): string {
  return method.split(` ${SHARED_NOTE} `)[0].trim();
}

/**
 * Rewrites every method's closing note on shared points: features drawn on exactly the same
 * coordinate name each other, so a reviewer sees that the shared point is a shared anchor, not a
 * coincidence. Returns how many features share a point.
 */
export function noteSharedPoints(features: Feature<Point, Placeable>[]): number {
  const byPoint = new Map<string, string[]>();
  for (const f of features) {
    const key = f.geometry.coordinates.join(',');
    byPoint.set(key, [...(byPoint.get(key) ?? []), f.properties.id]);
  }
  let shared = 0;
  for (const f of features) {
    const { location } = f.properties;
    const base = withoutSharedNote(location.method);
    const others = (byPoint.get(f.geometry.coordinates.join(',')) ?? []).filter((id) => id !== f.properties.id);
    if (others.length === 0) {
      location.method = base;
      continue;
    }
    shared++;
    location.method = `${base.replace(/\.?$/, '.')} ${SHARED_NOTE} ${others.join(', ')}: distinct features that no source places apart.`;
  }
  return shared;
}

function main() {
  const border = readBorder();
  const countries = readCountries();
  let moved = 0;
  const collections = KINDS.map(({ file }) => {
    const path = `${GEO_DIR}/${file}`;
    const collection = readJson(path) as { features: Feature<Point, Placeable>[] };
    for (const feature of collection.features) {
      const placed = placedPosition(feature.properties, border, countries);
      if (!placed) continue;
      feature.geometry.coordinates = placed.position;
      feature.properties.location.method = placed.method;
      moved++;
    }
    return { path, collection };
  });
  const shared = noteSharedPoints(collections.flatMap(({ collection }) => collection.features));
  for (const { path, collection } of collections) writeJson(path, collection);
  console.log(`placed ${moved} estimated points; ${shared} points share their coordinate with another`);
}

if (process.argv[1]?.endsWith('place-estimates.ts')) main();
