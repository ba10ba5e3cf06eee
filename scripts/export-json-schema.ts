/** Writes JSON Schema for every curated data file to public/geo/schema/, from the zod schemas (DATA_FILES). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CURATED_FILES, DATA_FILES } from '../src/data/files';

mkdirSync('public/geo/schema', { recursive: true });
for (const name of CURATED_FILES) {
  const schema: z.ZodType = DATA_FILES[name].schema;
  writeFileSync(`public/geo/schema/${name}.schema.json`, JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 1) + '\n');
}
console.log(`wrote ${CURATED_FILES.length} schemas to public/geo/schema/`);
