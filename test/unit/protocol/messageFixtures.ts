import { expect } from 'vitest';

/** Messages and snapshots as a hook or relay sends them, for the validators' tests. */

export type Obj = Record<string, unknown>;

export function snap(value: unknown, bytes = 10, truncated = false): Obj {
  return { value, bytes, truncated };
}

/** The events as a receiver passes them on: each snapshot's size is the one it measured (the value's JSON length, no escapes in these fixtures), never the one claimed. */
export function measured(events: Obj[]): Obj[] {
  return events.map((e) => {
    const out: Obj = { ...e };
    for (const key of ['request', 'value', 'args']) {
      const s = e[key] as Obj | undefined;
      if (s && typeof s === 'object' && 'bytes' in s) out[key] = { ...s, bytes: JSON.stringify(s.value).length };
    }
    return out;
  });
}

export function start(id: unknown = 1, extra: Obj = {}): Obj {
  return { type: 'call-start', id, command: 'invoke', at: 1000.5, request: snap({ functionKey: 'f' }), ...extra };
}

export function reasonOf(result: { ok: boolean; reason?: string }): string {
  expect(result.ok).toBe(false);
  return (result as { reason: string }).reason;
}

export const goodEvents = [
  { type: 'hook-ready', at: 1, url: 'https://x.cdn.prod.atlassian-dev.net/a', isTop: false, referrer: 'https://site.atlassian.net/' },
  { type: 'bridge-found', at: 2, semver: '3.4.5', frozen: true, via: 'trap' },
  { type: 'bridge-found', at: 2.5, semver: null, frozen: false, via: 'present' },
  { type: 'call-start', id: 7, command: 'invoke', at: 3.25, request: { value: { a: [1, 'x', null, true] }, bytes: 24, truncated: false } },
  { type: 'call-end', id: 7, at: 4, ok: false, value: { value: { $fbdt: 'error', text: 'boom' }, bytes: 30, truncated: true } },
  { type: 'delivery', id: 7, seq: 1, at: 5, key: 'callback', args: { value: [], bytes: 2, truncated: false } },
  { type: 'transport', at: 6, kind: 'post-robot' },
  { type: 'call', id: 8, command: 'getContext', at: 7, request: { value: { $fbdt: 'undefined' }, bytes: 20, truncated: false }, endAt: 7.5, ok: true, value: { value: { cloudId: 'c' }, bytes: 16, truncated: false } },
];
