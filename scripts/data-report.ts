/** Prints counts per layer, province, class and status, the share of sourced positions, and the border length. */
import { readBorder, readRawFiles } from './lib/data-files';
import { DATA_FILES } from '../src/data/files';
import { KINDS } from '../src/data/kinds';
import { buildAtlasData, classAsOf, statusAsOf, allProvincesOf } from '../src/data/model';
import { todayIso } from '../src/lib/dates';

// Parsed with the same schemas as the app, so the report never counts a malformed feature.
const raw = readRawFiles();
const features = KINDS.flatMap((k) => DATA_FILES[k.layer].schema.parse(raw[k.layer]).features);
const provinces = DATA_FILES.provinces.schema.parse(raw.provinces);
const data = buildAtlasData({ features, sources: [], agreements: [], events: [], provinces: [], border: null });
const day = todayIso();
const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
const table = (title: string, counts: Record<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k.padEnd(28)} ${v}`);
};
table('Features per layer', count(data.features.map((f) => f.properties.kind)));
table('Features per province (old and new names)', count(data.features.flatMap((f) => allProvincesOf(f))));
const gates = data.features.filter((f) => f.properties.kind === 'gate' || f.properties.kind === 'opening');
table(`Gates and openings per class (as of ${day})`, count(gates.map((f) => classAsOf(f, day) ?? 'unknown')));
table(`Gates and openings per status (as of ${day})`, count(gates.map((f) => statusAsOf(f, day) ?? 'unknown')));
table('Positions by precision', count(data.features.map((f) => f.properties.location.precision)));
const sourced = data.features.filter((f) => !f.properties.location.precision.startsWith('estimated')).length;
console.log(`\nSourced or surveyed positions: ${sourced}/${data.features.length} (${((100 * sourced) / data.features.length).toFixed(1)}%)`);
const border = readBorder();
const lengths = provinces.borderLengths ?? [];
const headline = lengths.find((l) => l.headline);
console.log(`Border: ${(border.properties as { lengthKm: number }).lengthKm} km along the line${headline ? ` (official ${headline.km} km [${headline.sourceIds.join(', ')}])` : ''}`);
for (const l of lengths.filter((x) => !x.headline)) console.log(`  also published: ${l.qualifier ? `${l.qualifier} ` : ''}${l.km} km [${l.sourceIds.join(', ')}]`);
