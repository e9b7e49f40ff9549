import { parseArgs } from 'node:util';
import { startSandbox, type StartSandboxOptions } from './index';

/**
 * `npm run sandbox` (tsx test/sandbox/cli.ts): starts the sandbox, prints its URLs and knobs, stays up until
 * Ctrl+C, then stops cleanly.
 *   --port-site N --port-cdn N --port-remote N   fixed ports (default: free ones)
 *   --assets-dir DIR                             build output folder (default .cache/sandbox)
 *   --no-build                                   serve DIR as it is, without building the browser side
 *   --knobs JSON                                 initial knobs, e.g. '{"environmentType":"PRODUCTION"}'
 */

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag}: expected a port number, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'port-site': { type: 'string' },
      'port-cdn': { type: 'string' },
      'port-remote': { type: 'string' },
      'assets-dir': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      knobs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run sandbox -- [--port-site N] [--port-cdn N] [--port-remote N] [--assets-dir DIR] [--no-build] [--knobs JSON]');
    return;
  }
  const options: StartSandboxOptions = {
    build: !values['no-build'],
    ports: {
      site: port(values['port-site'], '--port-site'),
      cdn: port(values['port-cdn'], '--port-cdn'),
      remote: port(values['port-remote'], '--port-remote'),
    },
  };
  if (values['assets-dir']) options.assetsDir = values['assets-dir'];
  if (values.knobs) options.knobs = JSON.parse(values.knobs) as StartSandboxOptions['knobs'];

  const sandbox = await startSandbox(options);
  console.log('Forge sandbox is up.');
  console.log(`  product page   ${sandbox.siteUrl}`);
  console.log(`  site           ${sandbox.siteOrigin}   (GraphQL /gateway/api/graphql, product REST, /__sandbox/config.json, /__sandbox/knobs)`);
  console.log(`  cdn            ${sandbox.cdnOrigin}   (app frames at ${sandbox.appBaseUrl}/<resource>/, /global-bridge.js)`);
  console.log(`  jwks           ${sandbox.jwksUrl}`);
  console.log(`  remote         ${sandbox.remoteOrigin}   (log: ${sandbox.remoteOrigin}/__log)`);
  console.log(`  assets         ${sandbox.assetsDir}`);
  console.log('Knobs (change them with POST /__sandbox/knobs):');
  console.log(JSON.stringify(sandbox.knobs(), null, 2));
  console.log('Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    sandbox.stop().then(
      () => {
        console.log('Stopped.');
        process.exitCode = 0;
      },
      (err: unknown) => {
        console.error(err);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
