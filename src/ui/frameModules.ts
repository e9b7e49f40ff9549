import type { CallRecord } from '../protocol';

/** The module key each frame's getContext answered (frameKey → moduleKey): real frame URLs do not carry one. */
export function moduleKeysOf(calls: readonly CallRecord[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const call of calls) {
    if (call.command !== 'getContext' || keys.has(call.frameKey)) continue;
    const value = call.response?.value;
    const key = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).moduleKey : undefined;
    if (typeof key === 'string' && key) keys.set(call.frameKey, key);
  }
  return keys;
}
