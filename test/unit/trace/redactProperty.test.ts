import { describe, expect, it } from 'vitest';
import { newPass, redactHeaders, redactString, redactValue } from '../../../src/redact';
import { redactTrace } from '../../../src/trace';
import { plantedInTrace } from './fixtures';

// A small seeded generator (no dependency): the same cases every run, thousands of them, built from the
// pieces the scanners react to, so that they meet each other in every order.
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const PIECES = [
  'eyJ', 'eyJhbGciOiJIUzI1NiJ9', '.', '..', '=', '==', ':', '://', '@', '"', "'", '\\', '\\"', '\\\\\\"', '\\n', '%', '%3D', '%2', '%ZZ', '&', '?', '#', ';', ',',
  '{', '}', '[', ']', '(', ')', ' ', '\n', '\r\n', 'Basic ', 'Bearer ', 'bearer', 'password', 'token', 'secret=', 'key=', 'sig=', 'apiKey":"', 'name="password"',
  'form-data', 'form-data; name="pin"\r\n\r\n', '-----BEGIN PRIVATE KEY-----', '-----END ', '-----BEGIN ', 'ghp_', 'ATATT', 'AKIA', 'xoxb-', 'AIza', 'ya29.', 'npm_',
  'sk_live_', '1//0', 'IQoJb3JpZ2lu', 'hooks.slack.com/services/', 'dXNlcjpwYXNz', 'YWJjZGVmZ2hpams=', 'Zx9Kq2LmP8vR4tW7yB3nC6dF', 'a1B2c3D4e5F6g7H8i9J0kLmN',
  '\uD800', '\uDC00', '😀', 'é', '\u0000', '[redacted]', '%5Bredacted%5D', 'REDACTED-SIGNATURE', 'true', 'null', '123',
];

function hostileString(r: ReturnType<typeof random>, maxPieces: number): string {
  const n = r.int(maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) out += r.next() < 0.15 ? r.pick(PIECES).repeat(1 + r.int(40)) : r.pick(PIECES);
  return out;
}

function hostileValue(r: ReturnType<typeof random>, depth: number): unknown {
  const roll = r.int(depth > 4 ? 3 : 7);
  if (roll === 0) return hostileString(r, 30);
  if (roll === 1) return r.pick([null, true, false, 0, -1.5, 1e300, '']);
  if (roll === 2) return JSON.stringify(hostileValue(r, depth + 2));
  if (roll === 3) return Array.from({ length: r.int(5) }, () => hostileValue(r, depth + 1));
  if (roll === 4) return [r.pick(['Authorization', 'password', 'X-Note', 'cookie']), hostileValue(r, depth + 1)];
  const keys = ['password', 'headers', 'name', 'value', 'isAttachment', 'body', 'contextToken', 'credentials', 'note', 'Authorization', 'x-forge-oauth-user', hostileString(r, 4)];
  return Object.fromEntries(Array.from({ length: r.int(6) }, () => [r.pick(keys), r.next() < 0.2 ? true : hostileValue(r, depth + 1)]));
}

/** Redaction may replace a short value by a longer marker, but never by more than a fixed factor. */
const bound = (inputLength: number) => 32 * inputLength + 64;

describe('redaction properties (seeded random hostile input)', () => {
  it('never throws on any string and never grows one beyond a linear bound', () => {
    const r = random(13);
    for (let i = 0; i < 3000; i++) {
      const text = hostileString(r, 60);
      let out = '';
      expect(() => (out = redactString(text, newPass())), JSON.stringify(text)).not.toThrow();
      expect(out.length, JSON.stringify(text)).toBeLessThanOrEqual(bound(text.length));
    }
  });

  it('never throws on any JSON-like value (also nested past the walk bound) and never grows it beyond a linear bound', () => {
    const r = random(1313);
    for (let i = 0; i < 1500; i++) {
      const value = hostileValue(r, 0);
      const size = JSON.stringify(value)?.length ?? 0;
      let out: unknown;
      expect(() => (out = redactValue(value, newPass())), JSON.stringify(value)).not.toThrow();
      expect(JSON.stringify(out)?.length ?? 0, JSON.stringify(value)).toBeLessThanOrEqual(bound(size));
    }
    let deep: unknown = 'password=x';
    for (let i = 0; i < 5000; i++) deep = { a: [deep] };
    expect(() => redactValue(deep, newPass())).not.toThrow();
    expect(() => redactString(`${'['.repeat(100_000)}"password"`, newPass())).not.toThrow();
  });

  it('never throws on header lists of any text', () => {
    const r = random(7);
    for (let i = 0; i < 1000; i++) {
      const headers = Array.from({ length: r.int(6) }, () => ({ name: r.pick(['Authorization', 'Cookie', 'Location', 'X-Any', 'content-type', hostileString(r, 3)]), value: hostileString(r, 20) }));
      expect(() => redactHeaders(headers, newPass())).not.toThrow();
    }
  });

  it('redacting a redacted trace changes nothing and removes nothing more', () => {
    const once = redactTrace(plantedInTrace('payload'));
    const twice = redactTrace(once);
    expect(twice.calls).toEqual(once.calls);
    expect(Object.values(twice.redaction!.counts).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
