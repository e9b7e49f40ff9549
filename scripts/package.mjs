// Writes the two store zips from dist/ (run `npm run build` first): dist/packages/forge-bridge-devtools-<browser>-<version>.zip.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const browser of ['chrome', 'firefox']) {
  const dir = `dist/${browser}`;
  if (!existsSync(`${dir}/manifest.json`)) {
    console.error(`${dir} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  // The stores ask for the licence inside the package, beside the code it covers.
  copyFileSync('LICENSE', `${dir}/LICENSE`);
  const filename = `forge-bridge-devtools-${browser}-${version}.zip`;
  execFileSync('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', 'dist/packages', '--filename', filename, '--overwrite-dest', '--no-config-discovery'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`dist/packages/${filename}`);
}
