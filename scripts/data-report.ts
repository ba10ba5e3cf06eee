/**
 * Prints counts per layer, province, class and status, the share of sourced positions, the border
 * length, and (issue 9) fact-check counts, shared coordinates, far-apart pairs, source gaps and the
 * validator's warnings.
 */
import { readBorder, readCountries, readRawFiles } from './lib/data-files';
import { checkData } from './lib/validate';
import { MAX_PAIR_DISTANCE_KM } from './lib/contradictions';
import { addCounts, CHECK_RESULTS, countChecks, emptyCounts, hasDescriptionLikeTitle, pairDistances, percent, sharedCoordinates, total } from './lib/report-stats';
import type { Agreement, AtlasEvent, FactCheck, Source } from '../src/data/schema';
import { DATA_FILES } from '../src/data/files';
import { KINDS } from '../src/data/kinds';
import { buildAtlasData, classAsOf, statusAsOf, allProvincesOf, type AtlasFeature } from '../src/data/model';
import { todayIso } from '../src/lib/dates';
import { lastReportedYear } from '../src/data/planner-state';
import { featureState } from '../src/data/planner-state';

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
// The planner state the app shows today (issue 9: today's state rests on a 2024–2026 source).
const answers = gates.map((f) => ({ f, answer: featureState(data, f, day) }));
table(`Gates and openings per planner state (as of ${day})`, count(answers.map(({ answer }) => answer?.state ?? 'no-record')));
const stale = answers.filter(({ answer }) => answer?.state === 'no-recent-record');
console.log(`  no recent record (last report before ${Number(day.slice(0, 4)) - 2}):`);
for (const { f, answer } of stale) console.log(`    ${f.properties.id.padEnd(34)} last reported ${lastReportedYear(answer!)}`);
table('Positions by precision', count(data.features.map((f) => f.properties.location.precision)));
const sourced = data.features.filter((f) => !f.properties.location.precision.startsWith('estimated')).length;
console.log(`\nSourced or surveyed positions: ${sourced}/${data.features.length} (${((100 * sourced) / data.features.length).toFixed(1)}%)`);
const border = readBorder();
const lengths = provinces.borderLengths ?? [];
const headline = lengths.find((l) => l.headline);
console.log(`Border: ${(border.properties as { lengthKm: number }).lengthKm} km along the line${headline ? ` (official ${headline.km} km [${headline.sourceIds.join(', ')}])` : ''}`);
for (const l of lengths.filter((x) => !x.headline)) console.log(`  also published: ${l.qualifier ? `${l.qualifier} ` : ''}${l.km} km [${l.sourceIds.join(', ')}]`);

// Issue 9: how each dated fact was checked, shared coordinates, pair distances, sources.
const files = raw as unknown as Record<string, { features?: AtlasFeature[]; events?: AtlasEvent[]; agreements?: Agreement[]; sources?: Source[] }>;
console.log('\nFact checks (status entries, events, agreements)');
console.log(`  ${'file'.padEnd(20)} ${CHECK_RESULTS.map((r) => r.padStart(20)).join('')} ${'% confirmed'.padStart(12)}`);
let overall = emptyCounts();
const checkRow = (name: string, counts: ReturnType<typeof emptyCounts>) =>
  console.log(`  ${name.padEnd(20)} ${CHECK_RESULTS.map((r) => String(counts[r]).padStart(20)).join('')} ${percent(counts.confirmed, total(counts)).padStart(11)}%`);
const factsOf: [string, { check?: FactCheck }[]][] = [
  ...(['gates', 'openings', 'markets'] as const).map((l): [string, { check?: FactCheck }[]] => [
    `${l}.geojson`,
    (files[l].features ?? []).flatMap((f) => ('statusHistory' in f.properties ? (f.properties.statusHistory ?? []) : [])),
  ]),
  ['events.json', files.events.events ?? []],
  ['agreements.json', files.agreements.agreements ?? []],
];
for (const [name, facts] of factsOf) {
  const counts = countChecks(facts);
  overall = addCounts(overall, counts);
  checkRow(name, counts);
}
checkRow('overall', overall);

const points = data.features;
const shared = sharedCoordinates(points);
const onShared = shared.reduce((n, ids) => n + ids.length, 0);
console.log(`\nShared coordinates: ${onShared}/${points.length} points (${percent(onShared, points.length)}%) sit exactly on another point, in ${shared.length} groups`);
for (const ids of shared) console.log(`  ${ids.join(', ')}`);

const far = pairDistances(points).filter((p) => p.km > MAX_PAIR_DISTANCE_KM);
console.log(`\nPaired sides more than ${MAX_PAIR_DISTANCE_KM} km apart: ${far.length}`);
for (const p of far.sort((a, b) => b.km - a.km)) console.log(`  ${p.pairId.padEnd(34)} ${p.kind.padEnd(8)} ${p.km.toFixed(1).padStart(6)} km  ${p.reason ? `reason: ${p.reason}` : 'no reason stated'}`);

const sources = files.sources.sources ?? [];
const undated = sources.filter((s) => !s.date);
console.log(`\nSources: ${sources.length}; undated ${undated.length} (${percent(undated.length, sources.length)}%)`);
// Encyclopedia and gazetteer pages print no publication date; the news and official sources should all have one.
const undatedNews = undated.filter((s) => s.reliability !== 'reference');
console.log(`  undated apart from reference pages (encyclopedias, gazetteers): ${undatedNews.length} (${percent(undatedNews.length, sources.length)}%)`);
const described = sources.filter(hasDescriptionLikeTitle);
console.log(`Sources whose title describes the page instead of giving its headline: ${described.length}`);
for (const s of described) console.log(`  ${s.id.padEnd(28)} ${s.title}`);

const { warnings } = checkData(readRawFiles(), { border, countries: readCountries() }, day);
console.log(`\nValidator warnings (contradictions still in the data; they become errors once fixed): ${warnings.length}`);
for (const w of warnings) console.log(`  [${w.check}] ${w.file} ${w.id}: ${w.message}`);
