/* global process, console */
// The one installer of what the browser tests need beyond npm: Debian's Chromium (never a browser
// download) and poppler-utils (pdftotext/pdftoppm read the printed briefing). Run by .ci/run
// before `npm ci` and by `npm test`'s pretest step. On a Debian machine running as root it
// installs what is missing with apt-get; elsewhere it says what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = process.env.BORDER_ATLAS_CHROMIUM ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium) && !process.env.BORDER_ATLAS_CHROMIUM) missing.push('chromium');
if (!existsSync('/usr/bin/pdftotext') || !existsSync('/usr/bin/pdftoppm')) missing.push('poppler-utils');
if (missing.length === 0 && existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing.length && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian's ${missing.join(' and ')} with apt-get…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
  if (existsSync(chromium) && existsSync('/usr/bin/pdftotext')) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${chromium} and poppler-utils (pdftotext, pdftoppm).\n` +
    `  Debian/Ubuntu: sudo apt-get install -y chromium poppler-utils\n` +
    `  Elsewhere: install poppler, and set BORDER_ATLAS_CHROMIUM to your Chrome/Chromium binary, e.g.\n` +
    `  BORDER_ATLAS_CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test`,
);
process.exit(1);
