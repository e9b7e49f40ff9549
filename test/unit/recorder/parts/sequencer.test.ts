import { describe, expect, it } from 'vitest';
import type { PersistedDoc } from '../../../../src/recorder/recordKinds';
import { Sequencer } from '../../../../src/recorder/sequencer';

function sequencer(maxDocs = 3) {
  const puts: string[] = [];
  const deletes: string[] = [];
  const evicted: PersistedDoc[] = [];
  const seq = new Sequencer(7, maxDocs, { putDoc: (d) => puts.push(d.key), deleteDoc: (k) => deletes.push(k), evicted: (d) => evicted.push(d) });
  return { seq, puts, deletes, evicted };
}

describe('Sequencer', () => {
  it('advances past new events, skips what a resend overlaps, and measures a gap', () => {
    const { seq } = sequencer();
    const doc = seq.use('0:a');
    expect(seq.accept(doc, 1, 5)).toEqual({ gap: 0, skip: 0 });
    expect(seq.accept(doc, 4, 4)).toEqual({ gap: 0, skip: 2 });
    expect(doc.nextSeq).toBe(8);
    expect(seq.accept(doc, 1, 3)).toEqual({ gap: 0, skip: 7 });
    expect(doc.nextSeq).toBe(8);
    expect(seq.accept(doc, 11, 1)).toEqual({ gap: 3, skip: 0 });
    expect(doc.nextSeq).toBe(12);
  });

  it('forgets the least recently used document beyond its bound, saying so', () => {
    const { seq, deletes, evicted } = sequencer(2);
    seq.use('a');
    seq.use('b');
    seq.use('a');
    seq.use('c');
    expect([...seq.values()].map((d) => d.key)).toEqual(['a', 'c']);
    expect(deletes).toEqual(['b']);
    expect(evicted.map((d) => d.key)).toEqual(['b']);
  });

  it('ignores ids up to a mark, and every id seen on clear', () => {
    const { seq, puts } = sequencer();
    const doc = seq.use('a');
    seq.seeCallId(doc, 9);
    seq.seeCallId(doc, 4);
    expect(doc.maxCallId).toBe(9);
    seq.ignoreUpTo(doc, 3);
    seq.ignoreUpTo(doc, 2);
    expect(doc.ignoreUpTo).toBe(3);
    seq.ignoreAllSeen();
    expect(doc.ignoreUpTo).toBe(9);
    // created, maxCallId 9, ignoreUpTo 3, ignoreUpTo 9: each change is written, nothing else
    expect(puts).toEqual(['a', 'a', 'a', 'a']);
  });
});
