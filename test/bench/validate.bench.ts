import { parseRelayToBackground } from '../../src/protocol/validate';
import { median } from '../../src/stats';

/** A relay batch at the size cap (200 events), each carrying a 50-item payload: what the background validates per message. */
function fullBatch(): unknown {
  const request = { value: { payload: { items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}`, on: i % 2 === 0 })) } }, bytes: 2500, truncated: false };
  const events = Array.from({ length: 200 }, (_, i) =>
    i % 2 === 0 ? { type: 'call-start', id: i + 1, command: 'invoke', at: 1000.5, request } : { type: 'call-end', id: i, at: 2, ok: true, value: request },
  );
  return JSON.parse(JSON.stringify({ type: 'batch', docId: 'd1', firstSeq: 1, events, lost: 0 }));
}

/** Validation of 200-event batches in Node (pure src/): median and worst ms per batch over `rounds` rounds of 50. */
export function benchValidate(rounds = 7): { perBatchMs: number[]; medianMs: number } {
  const batch = fullBatch();
  if (!parseRelayToBackground(batch).ok) throw new Error('the bench batch does not validate');
  const perBatchMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) parseRelayToBackground(batch);
    perBatchMs.push((performance.now() - t0) / 50);
  }
  return { perBatchMs, medianMs: median(perBatchMs) };
}
