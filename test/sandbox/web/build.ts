import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

const common: BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // @forge/react's JSX and the app's own use React (the rest of the repository uses Preact).
  jsx: 'automatic',
  jsxImportSource: 'react',
};

/**
 * Builds the sandbox's browser side into `outDir` (test/sandbox/README.md, "Contract"): the product page
 * and its host script, the bridge script, and the app resources, from the real @forge/bridge and @forge/react.
 */
export async function buildSandboxAssets(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const apps = join(outDir, 'cdn', 'apps');
  const bundle = (entry: string, outfile: string) => build({ ...common, entryPoints: [join(here, entry)], outfile: join(outDir, outfile) });
  await Promise.all([
    bundle('site/host.ts', 'site/host.js'),
    bundle('global-bridge/index.ts', 'cdn/global-bridge.js'),
    // Like an app built with source maps inline: the panel maps its call sites to the original files.
    build({ ...common, sourcemap: 'inline', entryPoints: [join(here, 'apps/custom-ui/main.ts')], outfile: join(outDir, 'cdn/apps/main/app.js') }),
    bundle('apps/nested/main.ts', 'cdn/apps/nested/nested.js'),
    bundle('apps/uikit/main.tsx', 'cdn/apps/uikit/uikit.js'),
  ]);
  const copy = async (from: string, to: string) => {
    await mkdir(dirname(join(outDir, to)), { recursive: true });
    await copyFile(join(here, from), join(outDir, to));
  };
  await copy('site/index.html', 'site/index.html');
  await copy('apps/nested/index.html', 'cdn/apps/nested/index.html');
  await copy('apps/uikit/index.html', 'cdn/apps/uikit/index.html');
  // The Custom UI app serves the main resource, the macro and the modal.
  for (const resource of ['main', 'macro', 'modal']) {
    await copy('apps/custom-ui/index.html', `cdn/apps/${resource}/index.html`);
    await copy('apps/custom-ui/app.css', `cdn/apps/${resource}/app.css`);
    if (resource !== 'main') await copyFile(join(apps, 'main', 'app.js'), join(apps, resource, 'app.js'));
  }
}
