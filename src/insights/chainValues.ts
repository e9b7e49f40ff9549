import type { CallRecord } from '../protocol/model';
import { eachLeaf, ENVELOPE_KEYS, longLeaf, NO_KEYS, type PieceTest, somePiece } from './leaves';
import { Signatures } from './signatures';

/**
 * The distinctive values of a chain's responses so far, and whether a call's request carries one: a request
 * leaf counts when it, or a piece of it between separators, equals an earlier value. Set lookups, so a chain of
 * any length costs time linear in its leaves (a substring test against every earlier value was quadratic and
 * took minutes on 100,000 calls).
 *
 * Two signature filters keep the set and the lookups small without changing an answer. `wanted` holds every
 * long leaf and piece of the calls' requests: a response value not in it equals nothing a request holds, so it is
 * not kept (a long chain of calls that pass nothing along filled the set with every response's values).
 * `kept` holds every value kept since the start: a request piece not in it is not looked up (nor sliced).
 */
export class ChainValues {
  private readonly wanted = new Signatures();
  private readonly kept = new Signatures();
  private earlier = new Set<string>();
  private found = false;

  private readonly isEarlier: PieceTest = (text, start, end) =>
    this.kept.mayHave(text, start, end) && this.earlier.has(start === 0 && end === text.length ? text : text.slice(start, end));

  private readonly visitRequest = (leaf: string | number): boolean => {
    const text = longLeaf(leaf);
    this.found = text !== null && somePiece(text, this.isEarlier);
    return this.found;
  };

  private readonly visitResponse = (leaf: string | number): boolean => {
    const text = longLeaf(leaf);
    if (text !== null && text !== 'true' && text !== 'false' && text !== 'null' && this.wanted.mayHave(text, 0, text.length)) {
      this.earlier.add(text);
      this.kept.add(text, 0, text.length);
    }
    return false;
  };

  /** `calls`: every call whose request may be asked about. */
  constructor(calls: readonly CallRecord[]) {
    const want: PieceTest = (text, start, end) => {
      this.wanted.add(text, start, end);
      return false;
    };
    const visit = (leaf: string | number) => {
      const text = longLeaf(leaf);
      if (text !== null) somePiece(text, want);
      return false;
    };
    for (const call of calls) eachLeaf(call.request.value, NO_KEYS, visit);
  }

  /** True when the call's request carries a value of a response added since the last clear. */
  usedBy(call: CallRecord): boolean {
    if (this.earlier.size === 0) return false;
    this.found = false;
    eachLeaf(call.request.value, NO_KEYS, this.visitRequest);
    return this.found;
  }

  /** Keeps the distinctive values of the call's response (its leaves outside the HTTP envelope, short ones and true/false/null aside). */
  add(call: CallRecord): void {
    eachLeaf(call.response?.value, ENVELOPE_KEYS, this.visitResponse);
  }

  /** A new chain starts: no response is earlier any more. */
  clear(): void {
    if (this.earlier.size) this.earlier = new Set();
  }
}
