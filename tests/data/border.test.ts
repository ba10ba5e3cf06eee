/**
 * The committed border and basemap are exactly what scripts/build-border.ts makes from the npm
 * package, the line runs tripoint to estuary in one piece, and estimated points are where
 * scripts/place-estimates.ts puts them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBorderFiles } from '../../scripts/build-border';
import { placedPosition } from '../../scripts/place-estimates';
import { readBorder, readCountries, readRawFiles } from '../../scripts/lib/data-files';
import { missingNumbers, numbersIn, validateData, type RawFiles } from '../../scripts/lib/validate';
import { KINDS } from '../../src/data/kinds';
import { todayIso } from '../../src/lib/dates';

const committedBorder = JSON.parse(readFileSync('public/geo/border.geojson', 'utf8'));
const committedBasemap = JSON.parse(readFileSync('public/geo/basemap.geojson', 'utf8'));

describe('border.geojson', () => {
  // Rebuilding the border from the 10 m source takes ~20 s on an idle 2-core machine and over a
  // minute when the cores are shared; the limit only guards against a hang.
  it('is reproduced exactly by the build script', { timeout: 240_000 }, () => {
    const { border, basemap } = buildBorderFiles();
    expect(JSON.parse(JSON.stringify(border))).toEqual(committedBorder);
    expect(JSON.parse(JSON.stringify(basemap))).toEqual(committedBasemap);
  });

  it('runs from the Laos tripoint to the Bac Luan estuary as one line of about 1,390 km', () => {
    const line = committedBorder.features[0];
    expect(committedBorder.features).toHaveLength(1);
    expect(line.geometry.type).toBe('LineString');
    const [west, east] = [line.geometry.coordinates[0], line.geometry.coordinates.at(-1)];
    expect(Math.hypot(west[0] - 102.14, west[1] - 22.4)).toBeLessThan(0.02);
    expect(Math.hypot(east[0] - 108.03, east[1] - 21.55)).toBeLessThan(0.02);
    expect(line.properties.lengthKm).toBeGreaterThan(1350);
    expect(line.properties.lengthKm).toBeLessThan(1449.566);
    expect(line.properties.licence).toBe('ODbL-1.0');
    expect(line.properties.attribution).toMatch(/OpenStreetMap/);
    // No jump between consecutive vertices longer than a bridged gap (spikes are crossed straight, ~2 km).
    const coords: number[][] = line.geometry.coordinates;
    const longestStepKm = Math.max(...coords.slice(1).map((c, i) => Math.hypot((c[0] - coords[i][0]) * 103, (c[1] - coords[i][1]) * 110.5)));
    expect(longestStepKm).toBeLessThan(3);
  });
});

const raw = readRawFiles();
const geometry = { border: readBorder(), countries: readCountries() };

interface RawGate {
  properties: {
    id: string;
    side: string;
    description: string;
    descriptionTranslations?: Record<string, string>;
    statusHistory: { date: string; sourceIds: string[] }[];
  };
}

/**
 * The real files with every feature layer emptied except gates.geojson, which holds one real gate
 * changed by `change`: the validator then checks one point against the border, not all of them,
 * so each rule below costs milliseconds rather than a full run.
 */
function withOneGate(pick: (gates: RawGate[]) => RawGate, change: (gate: RawGate) => void): { files: RawFiles; gate: RawGate } {
  const gates = structuredClone(raw.gates) as { features: RawGate[] };
  const gate = pick(gates.features);
  // Alone in the data, the gate has no counterpart to point at.
  delete (gate.properties as { counterpartId?: string }).counterpartId;
  delete (gate.properties as { pairId?: string }).pairId;
  change(gate);
  const empty = (name: string) => ({ ...(raw[name as keyof RawFiles] as object), features: [] });
  const files = { ...raw, ...Object.fromEntries(KINDS.map((k) => [k.layer, empty(k.layer)])), gates: { ...gates, features: [gate] } } as RawFiles;
  return { files, gate };
}

describe('curated points', { timeout: 60_000 }, () => {
  // The one full validator run of the suite (about 3 s); `npm run data:validate` runs it in CI too.
  it('pass every schema, reference and geometry check', () => {
    expect(validateData(raw, geometry, todayIso())).toEqual([]);
  });

  it('sit where the estimate placer puts them', () => {
    const { border, countries } = geometry;
    const misplaced: string[] = [];
    let placedCount = 0;
    for (const { file } of KINDS) {
      const collection = JSON.parse(readFileSync(`public/geo/${file}`, 'utf8'));
      for (const feature of collection.features) {
        const placed = placedPosition(feature.properties, border, countries);
        if (!placed) continue;
        placedCount++;
        if (JSON.stringify(feature.geometry.coordinates) !== JSON.stringify(placed.position)) misplaced.push(`${feature.properties.id}: ${feature.geometry.coordinates} → ${placed.position}`);
      }
    }
    // Without this, a placer that placed nothing would pass.
    expect(placedCount).toBeGreaterThan(20);
    expect(misplaced).toEqual([]);
  });
});

describe('the validator', () => {
  it('finds nothing wrong in gates.geojson when the gate is unchanged (so the failures below come from the change)', () => {
    // Other files now cite features that were emptied out; only gates.geojson matters here.
    const { files } = withOneGate((g) => g[0], () => {});
    expect(validateData(files, geometry, todayIso()).filter((p) => p.file === 'gates.geojson')).toEqual([]);
  });

  it('reports a point on the wrong side of the border, with its file and id', () => {
    const { files, gate } = withOneGate(
      (g) => g.find((f) => f.properties.side === 'VN')!,
      (f) => (f.properties.side = 'CN'),
    );
    const problems = validateData(files, geometry, todayIso());
    expect(problems.some((p) => p.file === 'gates.geojson' && p.id === gate.properties.id && /is a CN feature but lies in VN/.test(p.message))).toBe(true);
  });

  it('reports a status change that cites no source, naming the file and the path', () => {
    const { files } = withOneGate(
      (g) => g[0],
      (f) => (f.properties.statusHistory[0].sourceIds = []),
    );
    const problems = validateData(files, geometry, '2026-11-23');
    expect(problems.some((p) => p.file === 'gates.geojson' && p.id.startsWith('features.0.properties.statusHistory.0') && /at least one source/.test(p.message))).toBe(true);
  });

  it('reports a date in the future', () => {
    const { files, gate } = withOneGate(
      (g) => g[1],
      (f) => (f.properties.statusHistory[0].date = '2999-01-01'),
    );
    const problems = validateData(files, geometry, '2026-11-23');
    expect(problems.some((p) => p.id === gate.properties.id && /in the future/.test(p.message))).toBe(true);
  });

  it('reports a translation that lost a number of the English description', () => {
    let firstNumber = '';
    const { files, gate } = withOneGate(
      (g) => g.find((f) => /\d/.test(f.properties.description))!,
      (f) => {
        firstNumber = f.properties.description.match(/\d+/)![0];
        f.properties.descriptionTranslations = { vi: f.properties.description.replace(/\d+/g, 'X') };
      },
    );
    const problems = validateData(files, geometry, todayIso());
    expect(problems.some((p) => p.id === gate.properties.id && p.message.includes('vi description lacks') && p.message.includes(firstNumber))).toBe(true);
  });
});

describe('sources cited by nothing', () => {
  it('reports a source no fact cites, by its id', () => {
    const files = structuredClone(raw) as RawFiles & { sources: { sources: { id: string }[] } };
    const extra = { ...files.sources.sources[0], id: 'x-cited-by-nothing', url: 'https://example.org/cited-by-nothing' };
    files.sources.sources.push(extra);
    const problems = validateData(files, geometry, todayIso());
    expect(problems.filter((p) => /cited by nothing/.test(p.message)).map((p) => p.id)).toEqual(['x-cited-by-nothing']);
  });
});

describe('translation number check', () => {
  it('joins thousands separators of either style and keeps decimals apart', () => {
    expect(numbersIn('1,456 crossings, 2.8 Mt, 1.970 markers, 5 000 people')).toEqual(['1456', '2', '8', '1970', '5000']);
  });
  it('accepts a translation that writes the same numbers its own way', () => {
    expect(missingNumbers('Opened on 30 March 2023; 1,200 trucks a day.', 'Mở cửa ngày 30/3/2023; 1.200 xe mỗi ngày.')).toEqual([]);
    expect(missingNumbers('Marker 1088/2 to 1089.', '界碑1088/2至1089。')).toEqual([]);
  });
  it('lets a language rescale large amounts and leaves the name COVID-19 alone', () => {
    expect(missingNumbers('A 250 m yuan bridge; 298,000 crossings; 8 m people during COVID-19.', '2.5亿元的桥；29.8万人次；新冠疫情期间800万人次。')).toEqual([]);
    // Dates and counts below 10,000 still must be there.
    expect(missingNumbers('Opened in 2019 with 4 lanes; 250 m yuan.', '2.5亿元。')).toEqual(['2019', '4']);
  });

  it('names each number the translation lost, as often as it was lost', () => {
    expect(missingNumbers('In 2014 and again in 2014 it had 3 lanes.', 'Năm 2014 có làn xe.')).toEqual(['2014', '3']);
  });
});

