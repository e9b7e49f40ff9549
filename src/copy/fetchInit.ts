import { asObject, field } from '../bridge/snapshotRead';
import type { HeaderPair } from '../protocol/network';
import type { SnapshotValue } from '../protocol/snapshot';

/**
 * Headers of a recorded fetch init: @forge/bridge sends them as `[[name, value], ...]` (requestRemote,
 * requestJira); an app's own object form is read too. null when they are not a list of text pairs.
 */
export function headerPairsOf(headers: SnapshotValue | undefined): HeaderPair[] | null {
  if (headers === undefined || headers === null) return [];
  if (Array.isArray(headers)) {
    const pairs: HeaderPair[] = [];
    for (const h of headers) {
      if (!Array.isArray(h) || h.length !== 2 || typeof h[0] !== 'string' || typeof h[1] !== 'string') return null;
      pairs.push({ name: h[0], value: h[1] });
    }
    return pairs;
  }
  const object = asObject(headers);
  if (object === null || !Object.values(object).every((v) => typeof v === 'string')) return null;
  return Object.entries(object).map(([name, value]) => ({ name, value: value as string }));
}

/** A body that is JSON text of an object or array, parsed; else null. */
export function jsonBody(body: string): SnapshotValue | null {
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  try {
    return JSON.parse(body) as SnapshotValue;
  } catch {
    return null;
  }
}

/** The fetch init of a requestRemote (`fetchRequestInit`) or requestJira (`fetchRequestInit`) bridge payload. */
export const fetchInitOf = (request: SnapshotValue): SnapshotValue | undefined => field(request, 'fetchRequestInit');
