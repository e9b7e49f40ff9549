import { describe, expect, it } from 'vitest';
import type { CallRecord, NetworkEntry } from '../../../src/protocol';
import { createDerivation, derivesAtOnce, type KeptDerivation } from '../../../src/ui/derived';

const call = (n: number, over: Partial<CallRecord> = {}): CallRecord => ({
  id: `f:d#${n}`, frameKey: 'f:d', callId: n, segment: 0, command: 'invoke', kind: 'resolver', summary: `invoke f${n}`, startedAt: 1000 + n, endedAt: null, status: 'pending',
  request: { value: null, bytes: 4, truncated: false }, response: null, error: null, deliveries: [], deliveriesDropped: 0, ...over,
});
const settled = (c: CallRecord): CallRecord => ({ ...c, endedAt: c.startedAt + 5, status: 'ok', response: { value: { ok: true }, bytes: 11, truncated: false } });
const kept = (calls: CallRecord[], network: NetworkEntry[] = []): KeptDerivation => ({ calls, network, derived: createDerivation()(calls, network) });

describe('which updates derive their calls at once', () => {
  const pending = [call(1), call(2), call(3)];

  it('a live tab whose calls settle, the first among them, is derived after the list is drawn', () => {
    expect(derivesAtOnce(kept(pending), pending.map(settled), [])).toBe(false);
    expect(derivesAtOnce(kept(pending), [pending[0]!, ...pending.slice(1).map(settled)], [])).toBe(false);
    expect(derivesAtOnce(kept(pending), [...pending.map(settled), call(4)], [])).toBe(false);
  });

  it('another session, fewer calls (the oldest evicted), or nothing derived yet: at once', () => {
    expect(derivesAtOnce(null, pending, [])).toBe(true);
    expect(derivesAtOnce(kept(pending), [call(7), call(8), call(9)], [])).toBe(true);
    expect(derivesAtOnce(kept(pending), pending.slice(1), [])).toBe(true);
    expect(derivesAtOnce(kept(pending), [{ ...call(1), id: 'g:d#1' }, ...pending.slice(1)], [])).toBe(true);
  });

  it('the very calls and entries already derived: not again', () => {
    const k = kept(pending);
    expect(derivesAtOnce(k, k.calls, k.network)).toBe(false);
  });
});
