/** Writes JSON Schema for every data file to public/geo/schema/, from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import * as S from '../src/data/schema';

const files: Record<string, z.ZodType> = {
  gates: S.GatesFile,
  openings: S.OpeningsFile,
  markets: S.MarketsFile,
  communes: S.CommunesFile,
  posts: S.PostsFile,
  sources: S.SourcesFile,
  agreements: S.AgreementsFile,
  events: S.EventsFile,
  provinces: S.ProvincesFile,
};
mkdirSync('public/geo/schema', { recursive: true });
for (const [name, schema] of Object.entries(files)) {
  writeFileSync(`public/geo/schema/${name}.schema.json`, JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 1) + '\n');
}
console.log(`wrote ${Object.keys(files).length} schemas to public/geo/schema/`);
