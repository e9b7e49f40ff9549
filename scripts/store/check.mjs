// Store check (run by .ci/run after `npm run package`): both zips hold the licence and the four icons their
// manifest names, and `web-ext lint` reports no error and no warning for the Firefox build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { zipNames } from './zipNames.mjs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const ICON_SIZES = ['16', '32', '48', '128'];
const problems = [];

for (const browser of ['chrome', 'firefox']) {
  const zip = `dist/packages/forge-bridge-devtools-${browser}-${version}.zip`;
  let names;
  try {
    names = new Set(zipNames(zip));
  } catch (error) {
    problems.push(`${zip}: ${error.message} (run \`npm run package\` first)`);
    continue;
  }
  if (!names.has('LICENSE')) problems.push(`${zip} has no LICENSE`);
  const manifest = JSON.parse(readFileSync(`dist/${browser}/manifest.json`, 'utf8'));
  for (const size of ICON_SIZES) {
    const icon = manifest.icons?.[size];
    if (!icon) problems.push(`${browser} manifest names no ${size} px icon`);
    else if (!names.has(icon)) problems.push(`${zip} lacks ${icon}`);
  }
  if (!manifest.homepage_url) problems.push(`${browser} manifest has no homepage_url`);
}

function lintReport() {
  try {
    return execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-config-discovery', '--output', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // web-ext exits non-zero when it finds errors; the report is still on stdout.
    if (error.stdout) return error.stdout;
    throw error;
  }
}
const lint = JSON.parse(lintReport());
for (const kind of ['errors', 'warnings']) for (const m of lint[kind] ?? []) problems.push(`web-ext lint ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);

if (problems.length) {
  console.error(`Store check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Store check passed: both zips hold LICENSE and icons ${ICON_SIZES.join('/')}; web-ext lint has 0 errors, 0 warnings.`);
