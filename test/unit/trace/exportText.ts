import type { TraceV2 } from '../../../src/protocol/model';
import { toHar } from '../../../src/trace';

function uriDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%[0-9A-Fa-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
  }
}

/**
 * The text, plus what it says once %-decoded (twice: URLs nest) and what every base64 or base64url run in
 * it decodes to, two layers deep: a secret hidden in any of those layers is found.
 */
export function revealed(text: string, depth = 2): string {
  const layers = [text, uriDecoded(text), uriDecoded(uriDecoded(text))];
  // Runs of either alphabet and of both (a base64url run after a `/` in a path is read on its own too).
  const runs = layers.flatMap((t) => [/[A-Za-z0-9+/_-]{16,}={0,2}/g, /[A-Za-z0-9_-]{16,}={0,2}/g, /[A-Za-z0-9+/]{16,}={0,2}/g].flatMap((re) => t.match(re) ?? []));
  const decoded = runs.flatMap((run) => [Buffer.from(run, 'base64').toString('latin1'), Buffer.from(run, 'base64url').toString('latin1')]);
  return [...layers, ...(depth > 1 ? decoded.map((d) => revealed(d, depth - 1)) : decoded)].join('\n');
}

/** Every way an export could spell a value. */
export function encodings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

/** The JSON trace and its HAR, as a receiver would read them. */
export const exportsOf = (trace: TraceV2) => [JSON.stringify(trace), JSON.stringify(toHar(trace))].map((text) => revealed(text));

/** The encodings of a secret that an export still holds (empty: it is gone). */
export const leaks = (text: string, secret: string) => encodings(secret).filter((form) => text.includes(form));
