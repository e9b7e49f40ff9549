import { describe, expect, it } from 'vitest';
import type { CallRecord, FrameRecord, TabSession, TraceV2 } from '../../../src/protocol/model';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { previewRedaction, redactTrace } from '../../../src/redact';
import { call, entry } from '../network/fixtures';
import { random } from '../ui/randomSession';
import { PLACES, plantedEverywhereTrace, plantedInSession, plantedSession, plantedTrace, traceOf } from '../trace/fixtures';
import { previewRedaction as previewBefore, redactTrace as redactBefore } from './before/trace';

// Pieces the scanners react to, met in every order (as in test/unit/trace/redactProperty.test.ts).
const PIECES = [
  'eyJ', 'eyJhbGciOiJIUzI1NiJ9', '.', '=', ':', '://', '@', '"', '\\"', '%3D', '&', '?', '#', ' ', 'Basic ', 'Bearer ', 'password', 'token', 'secret=',
  'key=', 'apiKey":"', 'ghp_', 'xoxb-', 'AKIA', 'dXNlcjpwYXNz', 'YWJjZGVmZ2hpams=', 'Zx9Kq2LmP8vR4tW7yB3nC6dF', 'a1B2c3D4e5F6g7H8i9J0kLmN', 'é', '[redacted]',
  'tasks', '/', 'page', '123', 'https://h.test/p?q=1', 'user:pw@', '{"a":1}', '[1,2]',
];

function hostileTrace(seed: number): TraceV2 {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => (rand() < 0.1 ? pick(PIECES).repeat(2 + Math.floor(rand() * 8)) : pick(PIECES))).join('');
  const value = (depth: number): SnapshotValue => {
    const roll = Math.floor(rand() * (depth > 3 ? 3 : 6));
    if (roll === 0) return text(12);
    if (roll === 1) return pick([null, true, 0, 12_345, '', 'plain words here']);
    if (roll === 2) return JSON.stringify(value(depth + 2));
    if (roll === 3) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
    const keys = ['password', 'headers', 'name', 'value', 'body', 'note', 'Authorization', 'page', 'items', text(3)];
    return Object.fromEntries(Array.from({ length: Math.floor(rand() * 5) }, () => [pick(keys), value(depth + 1)]));
  };
  const base = plantedSession();
  // A few frames, each shared by many calls (as an export shares one frame object per key); some URLs hold a secret.
  const frames: FrameRecord[] = ['a', 'b', 'c'].map((k, i) => ({ ...base.frames[0]!, key: `f:${k}`, url: i === 0 ? base.frames[0]!.url : `https://x.test/app?${text(4)}`, parentUrl: rand() < 0.3 ? `https://site.test/#${text(3)}` : 'https://site.test/' }));
  const calls: CallRecord[] = Array.from({ length: 60 }, (_, i) => {
    const frame = pick(frames);
    const command = pick(['invoke', 'fetchRemote', 'getContext', 'on']);
    const at = 1_800_000_000_000 + i * 10;
    return call(command, rand() < 0.3 ? { functionKey: 'getIssues', payload: { page: i, password: 'x' } } : value(0), at, at + 5, {
      frameKey: frame.key, summary: rand() < 0.5 ? `invoke getIssues` : text(6), kind: 'resolver',
      response: rand() < 0.8 ? { value: rand() < 0.5 ? { status: 200, body: `{"items":[${i}]}` } : value(0), bytes: 40, truncated: false } : null,
      ...(rand() < 0.1 ? { deliveries: [{ seq: 1, at: at + 3, key: 'callback', args: { value: [value(1)], bytes: 20, truncated: false } }] } : {}),
    });
  });
  const network = Array.from({ length: 10 }, (_, i) => entry({ url: `https://remote.test/p?${text(4)}`, category: 'forge-jwt', startedAt: 1_800_000_000_000 + i * 50, requestHeaders: [{ name: pick(['Authorization', 'Accept', 'X-Key']), value: text(6) }], responseBody: rand() < 0.5 ? JSON.stringify(value(0)) : text(8) }));
  const session: TabSession = { ...base, frames, calls, network };
  return traceOf(session);
}

const same = (trace: TraceV2, label: string) => {
  for (const options of [{}, { removeOpaque: true }, { keys: ['page', 'note'] }]) {
    expect(JSON.stringify(redactTrace(trace, options)), label).toBe(JSON.stringify(redactBefore(trace, options)));
    expect(previewRedaction(trace, options), label).toEqual(previewBefore(trace, options));
  }
};

describe('redaction made faster gives byte-identical traces and the same preview as before', () => {
  it('on the planted traces, every place', () => {
    same(plantedTrace(), 'planted');
    same(plantedEverywhereTrace(), 'everywhere');
    for (const place of PLACES) same(traceOf(plantedInSession(place)), place);
  });

  it('on random hostile traces whose calls share frames', () => {
    let changes = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const trace = hostileTrace(seed);
      same(trace, `seed ${seed}`);
      changes += redactTrace(trace).redaction!.counts.sensitiveKeys;
    }
    expect(changes).toBeGreaterThan(100);
  });
});
