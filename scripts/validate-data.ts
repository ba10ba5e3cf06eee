/**
 * CI data check: runs scripts/lib/validate.ts over public/geo and prints every problem with its
 * file and id. Exits 1 when there is any. `npm run data:validate`.
 */
import { todayIso } from '../src/lib/dates';
import { readBorder, readCountries, readRawFiles } from './lib/data-files';
import { validateData } from './lib/validate';

if (process.argv[1]?.endsWith('validate-data.ts')) {
  const problems = validateData(readRawFiles(), { border: readBorder(), countries: readCountries() }, todayIso());
  for (const p of problems) console.log(`${p.file} ${p.id}: ${p.message}`);
  console.log(problems.length ? `\n${problems.length} data problem(s)` : 'data: all checks passed');
  process.exit(problems.length ? 1 : 0);
}
