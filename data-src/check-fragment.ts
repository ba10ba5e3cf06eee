// Quick schema check for a data fragment while curating: npx tsx data-src/check-fragment.ts <file>
// Accepts a features fragment ({gates, openings, markets, communes, posts} arrays of Features),
// or a full public/geo file. Prints every problem with its path.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import * as S from '../src/data/schema';

const file = process.argv[2];
const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
const point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const feature = (p: z.ZodTypeAny) => z.object({ type: z.literal('Feature'), geometry: point, properties: p }).strict();
const fragment = z
  .object({
    gates: z.array(feature(S.GateProperties)).default([]),
    openings: z.array(feature(S.GateProperties)).default([]),
    markets: z.array(feature(S.MarketProperties)).default([]),
    communes: z.array(feature(S.CommuneProperties)).default([]),
    posts: z.array(feature(S.PostProperties)).default([]),
  })
  .strict();
const candidates: Record<string, z.ZodTypeAny> = {
  fragment,
  sources: S.SourcesFile,
  sourcesArray: z.array(S.Source),
  provinces: S.ProvincesFile,
  events: S.EventsFile,
  agreements: S.AgreementsFile,
  gates: S.GatesFile,
};
let best: { name: string; issues: z.core.$ZodIssue[] } | null = null;
for (const [name, schema] of Object.entries(candidates)) {
  const r = schema.safeParse(data);
  if (r.success) {
    console.log(`OK as ${name}`);
    process.exit(0);
  }
  if (!best || r.error.issues.length < best.issues.length) best = { name, issues: r.error.issues };
}
console.log(`Closest shape: ${best!.name}`);
for (const i of best!.issues.slice(0, 200)) console.log(`- ${i.path.join('.')}: ${i.message}`);
process.exit(1);
