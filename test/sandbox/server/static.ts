import { readFile, realpath, stat } from 'node:fs/promises';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

/**
 * Static files confined to a folder. Raw URL paths are split on '/', each segment percent-decoded; a
 * segment that decodes to '.', '..', or contains '/', '\' or NUL makes the path invalid (so `/../`,
 * `%2e%2e`, `%2f` cannot climb out), and the resolved real path must still lie inside the folder
 * (symlinks included).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Decoded path segments (empty ones dropped), or null when a segment is unsafe or badly encoded. */
export function safeSegments(rawPath: string): string[] | null {
  const out: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg)) return null;
    out.push(seg);
  }
  return out;
}

/** The real path of `segments` under `root` (index.html for folders), or null when absent or outside `root`. */
export async function resolveInside(root: string, segments: string[]): Promise<string | null> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  let file = join(realRoot, ...segments);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const real = await realpath(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

export interface ServeOptions {
  headers?: OutgoingHttpHeaders;
  /** Rewrites HTML before it is sent. */
  transformHtml?: (html: string) => string;
  /** Extra headers for HTML responses only. */
  htmlHeaders?: OutgoingHttpHeaders;
  head?: boolean;
}

export async function sendFile(res: ServerResponse, file: string, opts: ServeOptions = {}): Promise<void> {
  const type = contentTypeOf(file);
  const isHtml = type.startsWith('text/html');
  let body = await readFile(file);
  if (isHtml && opts.transformHtml) body = Buffer.from(opts.transformHtml(body.toString('utf8')));
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    ...opts.headers,
    ...(isHtml ? opts.htmlHeaders : {}),
  });
  res.end(opts.head ? undefined : body);
}
