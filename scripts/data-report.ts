/** Prints counts per layer, province, class and status, the share of sourced positions, and the border length. */
import { readRawFiles } from './validate-data';
import { readBorder } from './lib/data-files';
import { buildAtlasData, classAsOf, statusAsOf, allProvincesOf, type AtlasFeature } from '../src/data/model';
import { todayIso } from '../src/lib/dates';

const raw = readRawFiles() as unknown as Record<string, { features: AtlasFeature[] }>;
const features = ['gates', 'openings', 'markets', 'communes', 'posts'].flatMap((l) => raw[l].features);
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
const lengths = (raw.provinces as unknown as { borderLengths?: { km: number; headline?: boolean; qualifier?: string; sourceIds: string[] }[] }).borderLengths ?? [];
const headline = lengths.find((l) => l.headline);
console.log(`Border: ${(border.properties as { lengthKm: number }).lengthKm} km along the line${headline ? ` (official ${headline.km} km [${headline.sourceIds.join(', ')}])` : ''}`);
for (const l of lengths.filter((x) => !x.headline)) console.log(`  also published: ${l.qualifier ? `${l.qualifier} ` : ''}${l.km} km [${l.sourceIds.join(', ')}]`);
