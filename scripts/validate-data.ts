/**
 * CI data check: runs scripts/lib/validate.ts over public/geo and prints every problem with its
 * file and id. Exits 1 when there is any. `npm run data:validate`.
 */
import { todayIso } from '../src/lib/dates';
import { readBorder, readCountries, readRawFiles } from './lib/data-files';
import { checkData } from './lib/validate';

if (process.argv[1]?.endsWith('validate-data.ts')) {
  const { errors: problems, warnings } = checkData(readRawFiles(), { border: readBorder(), countries: readCountries() }, todayIso());
  for (const p of problems) console.log(`${p.file} ${p.id}: ${p.message}`);
  // Warnings do not fail the run: contradictions the data still has while they are being fixed.
  if (warnings.length) console.log(`${warnings.length} warning(s), listed by \`npm run data:report\``);
  console.log(problems.length ? `\n${problems.length} data problem(s)` : 'data: all checks passed');
  process.exit(problems.length ? 1 : 0);
}
