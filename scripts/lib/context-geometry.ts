/**
 * Pure helpers for scripts/build-context.ts: turn GeoNames rows, the curated anchors and GMT's
 * multi-segment text dumps (WDBII rivers, DCW province outlines) into small, ranked GeoJSON.
 */
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import { bboxClip, lineString, simplify } from '@turf/turf';

/** The context layers cover the border region only. [west, south, east, north] */
export const CONTEXT_BBOX: [number, number, number, number] = [101.9, 20.9, 108.4, 23.95];

export interface PlaceProperties {
  /** Stable id: `gn:<geonameId>` or `anchor:<slug>`. */
  id: string;
  name_vi: string;
  name_zh: string;
  name_en: string;
  country: 'VN' | 'CN';
  /** 1 province seat … 4 commune/township; lower shows from a lower zoom. */
  rank: number;
  source: string;
}

export interface GeoNamesRow {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  latitude: number;
  longitude: number;
  featureCode: string;
  countryCode: string;
  population: number;
}

/** Parses one line of GeoNames' cities500.txt (tab-separated, documented in its readme). */
export function parseGeoNamesLine(line: string): GeoNamesRow | null {
  const c = line.split('\t');
  if (c.length < 15) return null;
  return {
    geonameId: Number(c[0]),
    name: c[1],
    asciiName: c[2],
    alternateNames: c[3] ? c[3].split(',') : [],
    latitude: Number(c[4]),
    longitude: Number(c[5]),
    featureCode: c[7],
    countryCode: c[8],
    population: Number(c[14]) || 0,
  };
}

const HAN = /^[\u3400-\u9fff]+$/u;
const round = (v: number, d = 5) => Math.round(v * 10 ** d) / 10 ** d;

export function inBox([x, y]: Position, [w, s, e, n]: [number, number, number, number] = CONTEXT_BBOX): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

/** Rank from GeoNames' feature code: province seat 1, district/county seat 2, township seat 3, other 4. */
export function rankOfFeatureCode(code: string, population: number): number {
  if (code === 'PPLC' || code === 'PPLA') return 1;
  if (code === 'PPLA2') return 2;
  if (code === 'PPLA3' || population >= 20000) return 3;
  return 4;
}

/**
 * A GeoNames place as a context point. Vietnamese names are GeoNames' own `name` (it keeps the
 * diacritics). cities500 lists alternate names without language tags, and often several Han
 * forms (old names, neighbouring units): for a Chinese place the Han name is the one whose pinyin
 * spells the place's ASCII name; for a Vietnamese place, a Han name only when there is exactly
 * one. Otherwise none: no name beats a wrong one. English is the ASCII (pinyin) name for Chinese
 * places and the name itself for Vietnamese ones.
 */
export function placeFromGeoNames(row: GeoNamesRow, toPinyin: (han: string) => string): Feature<Point, PlaceProperties> | null {
  if (row.countryCode !== 'VN' && row.countryCode !== 'CN') return null;
  const position: Position = [round(row.longitude), round(row.latitude)];
  if (!inBox(position)) return null;
  const han = row.alternateNames.filter((n) => HAN.test(n));
  const vn = row.countryCode === 'VN';
  const spelled = row.asciiName.toLowerCase().replace(/ city$/u, '').replace(/[^a-z]/gu, '');
  const zh = vn ? (han.length === 1 ? han[0] : '') : (han.find((n) => toPinyin(n) === spelled) ?? han.find((n) => /[市县镇乡]$/u.test(n) && toPinyin(n.slice(0, -1)) === spelled) ?? '');
  return {
    type: 'Feature',
    properties: {
      id: `gn:${row.geonameId}`,
      name_vi: row.name,
      name_zh: zh,
      name_en: vn ? row.name : row.asciiName,
      country: row.countryCode,
      rank: rankOfFeatureCode(row.featureCode, row.population),
      source: 'geonames',
    },
    geometry: { type: 'Point', coordinates: position },
  };
}

/**
 * A curated anchor (a sourced commune or township centre from public/geo) as a context point, when
 * its name has the form "Name commune (…)" / "Name town (镇名, …)" / "Name township (…)".
 * Returns null for anchors that are not a commune or township (gates, markers, districts).
 */
export function placeFromAnchor(anchor: { name: string; lng: number; lat: number }, side: 'VN' | 'CN'): Feature<Point, PlaceProperties> | null {
  if (/anchor of the/i.test(anchor.name)) return null;
  const match = /^(.+?) (commune|town|township|village committee)(?: \(([^)]*)\))?$/u.exec(anchor.name);
  if (!match) return null;
  const [, name, kind, paren = ''] = match;
  if (/ (district|county|city)$|,/u.test(name)) return null;
  const zh = paren.split(/[,，]\s*/u).find((part) => /^[\u3400-\u9fff]+$/u.test(part)) ?? '';
  const position: Position = [round(anchor.lng), round(anchor.lat)];
  if (!inBox(position)) return null;
  return {
    type: 'Feature',
    properties: {
      id: `anchor:${name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/[^a-z0-9]+/gu, '-')}`,
      name_vi: name,
      name_zh: zh,
      name_en: `${name} ${kind}`,
      country: side,
      rank: 4,
      source: 'anchors',
    },
    geometry: { type: 'Point', coordinates: position },
  };
}

/**
 * Drops a place within `meters` of a higher-ranked (or earlier) one: GeoNames, the anchors and
 * the township list overlap. When the kept place has no Chinese name and the dropped one is the
 * same place (`same` says so, e.g. by pinyin), the kept place takes the dropped one's Chinese name.
 */
export function dedupePlaces(
  places: Feature<Point, PlaceProperties>[],
  meters = 1500,
  same: (kept: PlaceProperties, dropped: PlaceProperties) => boolean = () => false,
): Feature<Point, PlaceProperties>[] {
  const sorted = [...places].sort((a, b) => a.properties.rank - b.properties.rank || a.properties.id.localeCompare(b.properties.id));
  const kept: Feature<Point, PlaceProperties>[] = [];
  for (const p of sorted) {
    const [x, y] = p.geometry.coordinates;
    const near = kept.find((k) => Math.hypot((k.geometry.coordinates[0] - x) * 103_200, (k.geometry.coordinates[1] - y) * 110_540) < meters);
    if (!near) kept.push(p);
    else if (!near.properties.name_zh && p.properties.name_zh && near.properties.country === p.properties.country && same(near.properties, p.properties))
      near.properties = { ...near.properties, name_zh: p.properties.name_zh };
  }
  return kept;
}

/** Splits GMT's multi-segment text (`> header` lines between x y rows) into segments. */
export function parseGmtSegments(text: string): { header: string; coordinates: Position[] }[] {
  const segments: { header: string; coordinates: Position[] }[] = [];
  let current: { header: string; coordinates: Position[] } | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = { header: line.slice(1).trim(), coordinates: [] };
      segments.push(current);
    } else if (current && line.trim()) {
      const [x, y] = line.trim().split(/\s+/u).map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) current.coordinates.push([x, y]);
    }
  }
  return segments.filter((s) => s.coordinates.length >= 2);
}

/** Clips, simplifies and rounds a line; returns the pieces inside CONTEXT_BBOX. */
export function cleanLine(coordinates: Position[], toleranceDegrees: number): Position[][] {
  const clipped = bboxClip(lineString(coordinates), CONTEXT_BBOX).geometry as LineString | MultiLineString;
  const parts: Position[][] = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  const out: Position[][] = [];
  for (const part of parts) {
    if (part.length < 2) continue;
    const simple: Position[] = part.length > 2 ? simplify(lineString(part), { tolerance: toleranceDegrees, highQuality: false }).geometry.coordinates : part;
    const rounded: Position[] = [];
    for (const [x, y] of simple) {
      const p = [round(x), round(y)];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
    }
    if (rounded.length >= 2) out.push(rounded);
  }
  return out;
}

/** WDBII river class from GMT's segment header ("River Bin # 23862, Level 2"). */
export function riverLevel(header: string): number {
  const m = /Level (\d+)/u.exec(header);
  return m ? Number(m[1]) : 99;
}

/**
 * Rivers as ranked lines: WDBII levels 1–2 (double-lined and permanent major rivers) from zoom 6,
 * level 3 (additional major) from 8, the rest from 10.
 */
export function riverFeatures(text: string, toleranceDegrees = 0.00015): Feature<LineString, { level: number; minzoom: number }>[] {
  const features: Feature<LineString, { level: number; minzoom: number }>[] = [];
  for (const segment of parseGmtSegments(text)) {
    const level = riverLevel(segment.header);
    const minzoom = level <= 2 ? 6 : level === 3 ? 8 : 10;
    for (const part of cleanLine(segment.coordinates, toleranceDegrees))
      features.push({ type: 'Feature', properties: { level, minzoom }, geometry: { type: 'LineString', coordinates: part } });
  }
  return features;
}

/*
 * GCJ-02 (the obfuscated datum Chinese map services publish) to WGS 84. The forward formula is
 * the published one (Krasovsky ellipsoid constants); the inverse is found by fixed-point
 * iteration, which converges to well under a metre in a few steps.
 */
const GCJ_A = 6378245.0;
const GCJ_EE = 0.006693421622965943;
function gcjDelta(lng: number, lat: number): [number, number] {
  const x = lng - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - GCJ_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}
export function wgs84ToGcj02([lng, lat]: Position): Position {
  const [dx, dy] = gcjDelta(lng, lat);
  return [lng + dx, lat + dy];
}
export function gcj02ToWgs84([lng, lat]: Position): Position {
  let guess: Position = [lng, lat];
  for (let i = 0; i < 10; i++) {
    const [gx, gy] = wgs84ToGcj02(guess);
    guess = [guess[0] - (gx - lng), guess[1] - (gy - lat)];
  }
  return guess;
}

/**
 * A Chinese township from the adcode extract (data-src/context/adcode-towns.csv): the Chinese
 * name as given, an English name in pinyin of the name without its ethnic qualifiers ("桥头苗族
 * 壮族乡" → "Qiaotou township"). Urban subdistricts (街道) are left out: the town names cover them.
 */
export function placeFromAdcode(line: string, toPinyin: (han: string) => string): Feature<Point, PlaceProperties> | null {
  const [code, , name, level, lng, lat] = line.split(',');
  if (level !== 'town' || !/[镇乡]$/u.test(name)) return null;
  const [x, y] = gcj02ToWgs84([Number(lng), Number(lat)]);
  const position: Position = [round(x), round(y)];
  if (!inBox(position)) return null;
  // The ethnic groups named in township names of these prefectures.
  const core = name.replace(/(?:苗|瑶|壮|彝|傣|哈尼|布依|回|拉祜|仡佬|京|白|蒙古)族/gu, '').slice(0, -1);
  const pinyinName = toPinyin(core);
  const en = `${pinyinName.charAt(0).toUpperCase()}${pinyinName.slice(1)} ${name.endsWith('镇') ? 'town' : 'township'}`;
  return {
    type: 'Feature',
    properties: { id: `adcode:${code}`, name_vi: en, name_zh: name, name_en: en, country: 'CN', rank: 4, source: 'adcode' },
    geometry: { type: 'Point', coordinates: position },
  };
}

/** A quantized TopoJSON topology (the subset the province file uses). */
export interface Topology {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: { type: string; arcs: unknown; properties: Record<string, unknown> }[] }>;
}

/** Every arc index a Polygon's or MultiPolygon's nested `arcs` refer to (~i is arc i reversed). */
function arcIndexes(arcs: unknown, out = new Set<number>()): Set<number> {
  if (typeof arcs === 'number') out.add(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) arcIndexes(a, out);
  return out;
}

/**
 * The shared edges of a topology's polygons as lines: each arc used by two different polygons
 * (an internal boundary; the outer edge — coast and national border — is used by one only),
 * decoded from its quantized deltas. `describe` gets the two polygons' properties and returns the
 * line's properties, or null to leave the edge out.
 */
export function sharedEdges<P>(topology: Topology, object: string, describe: (a: Record<string, unknown>, b: Record<string, unknown>) => P | null): { properties: P; coordinates: Position[] }[] {
  const users = new Map<number, number[]>();
  const geometries = topology.objects[object].geometries;
  geometries.forEach((g, gi) => {
    for (const arc of arcIndexes(g.arcs)) users.set(arc, [...(users.get(arc) ?? []), gi]);
  });
  const { scale, translate } = topology.transform;
  const out: { properties: P; coordinates: Position[] }[] = [];
  for (const [arc, used] of [...users].sort((a, b) => a[0] - b[0])) {
    const distinct = [...new Set(used)];
    if (distinct.length !== 2) continue;
    const properties = describe(geometries[distinct[0]].properties, geometries[distinct[1]].properties);
    if (!properties) continue;
    let x = 0;
    let y = 0;
    const coordinates = topology.arcs[arc].map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    out.push({ properties, coordinates });
  }
  return out;
}
