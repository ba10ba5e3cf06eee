/* global process, console */
// pretest: make sure a Chromium for the browser tests exists. On a fresh Debian machine running
// as root it installs Debian's package (never a browser download); otherwise it says what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.BORDER_ATLAS_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.BORDER_ATLAS_CHROMIUM) {
  console.log(`No browser at ${path}: installing Debian's chromium with apt-get…`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${path}.\n` +
    `  Debian/Ubuntu: sudo apt-get install -y chromium\n` +
    `  Elsewhere: set BORDER_ATLAS_CHROMIUM to your Chrome/Chromium binary, e.g.\n` +
    `  BORDER_ATLAS_CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test`,
);
process.exit(1);
