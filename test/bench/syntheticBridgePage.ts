import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A page whose first head script installs a bridge the way the CDN script does (only if undefined),
 * answering each call on a microtask: the round trip is as cheap as it gets, so what the hook adds shows.
 */
const PAGE = `<!doctype html><html><head><script>
if (globalThis.__bridge === undefined) {
  globalThis.__bridge = { __SEMVER: 'bench', callBridge: (command, payload) => Promise.resolve({ command, echo: payload }) };
}
</script></head><body><p>bench</p></body></html>`;

export async function startSyntheticBridgePage(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
