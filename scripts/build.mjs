// Builds the extension for each browser: dist/chrome and dist/firefox (or the ones named: `node scripts/build.mjs firefox`).
// The Firefox differences are applied here, to a copy of the one manifest.json.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { generateValidators } from './generateValidators.mjs';
import { noInnerHtml } from './noInnerHtml.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const baseManifest = JSON.parse(await readFile(new URL('../manifest.json', import.meta.url), 'utf8'));

/** Test builds (FBDT_TEST=1) expose hooks that let a test drive the worker; never set for packages. */
const testBuild = process.env.FBDT_TEST === '1';

export const FIREFOX_ID = 'forge-bridge-devtools@forge-bridge-devtools.dev';

function manifestFor(browser) {
  const manifest = structuredClone(baseManifest);
  manifest.version = pkg.version;
  if (browser === 'firefox') {
    delete manifest.minimum_chrome_version;
    // Firefox runs the background as an event page: same module, listed under scripts.
    manifest.background = { scripts: [manifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: { id: FIREFOX_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // DevTools panels do not exist on Android; data_collection_permissions needs Firefox for Android 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

async function buildFor(browser) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: 'public',
    define: {
      __FBDT_BROWSER__: JSON.stringify(browser),
      __FBDT_TEST_BUILD__: JSON.stringify(testBuild),
    },
    plugins: [noInnerHtml(), preact(), crx({ manifest: manifestFor(browser), browser })],
    build: {
      outDir: testBuild ? `dist/${browser}-test` : `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome111',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: {
          panel: 'extension/panel/panel.html',
          viewer: 'extension/viewer/viewer.html',
        },
      },
    },
  });
  console.log(`built dist/${browser}${testBuild ? '-test (test build)' : ''}`);
}

const wanted = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
await generateValidators();
for (const browser of wanted.length ? wanted : ['chrome', 'firefox']) await buildFor(browser);
