import type { CallRecord } from '../protocol/model';
import { eachLeaf, ENVELOPE_KEYS, longLeaf, NO_KEYS, type PieceTest, somePiece } from './leaves';
import { signature, Signatures } from './signatures';

/**
 * The distinctive values of a chain's responses so far, and whether a call's request carries one: a request
 * leaf counts when it, or a piece of it between separators, equals an earlier value. Set lookups, so a chain of
 * any length costs time linear in its leaves (a substring test against every earlier value was quadratic and
 * took minutes on 100,000 calls).
 *
 * Signatures (see signatures.ts) keep the set and the lookups small without changing an answer. The requests
 * are read once up front: the signature of each long leaf and piece, per call, and all of them in `wanted`. A
 * response value whose signature is not wanted equals nothing any request holds, so it is not kept (a long
 * chain of calls that pass nothing along filled the set with every response's values). `kept` holds the
 * signatures of the values kept since the start: a request none of whose signatures is kept is not read again.
 */
export class ChainValues {
  private readonly wanted = new Signatures();
  private readonly kept = new Signatures();
  /** The signatures of call i's request are requestSignatures[starts[i]] up to requestSignatures[starts[i + 1]]. */
  private readonly requestSignatures: number[] = [];
  private readonly starts: number[] = [0];
  private earlier = new Set<string>();
  private found = false;

  private readonly isEarlier: PieceTest = (text, start, end) =>
    this.kept.has(signature(text, start, end)) && this.earlier.has(start === 0 && end === text.length ? text : text.slice(start, end));

  private readonly visitRequest = (leaf: string | number): boolean => {
    const text = longLeaf(leaf);
    this.found = text !== null && somePiece(text, this.isEarlier);
    return this.found;
  };

  private readonly visitResponse = (leaf: string | number): boolean => {
    const text = longLeaf(leaf);
    if (text === null || text === 'true' || text === 'false' || text === 'null') return false;
    const s = signature(text, 0, text.length);
    if (this.wanted.has(s)) {
      this.earlier.add(text);
      this.kept.add(s);
    }
    return false;
  };

  /** `calls`: the calls asked about, by index. */
  constructor(private readonly calls: readonly CallRecord[]) {
    const want: PieceTest = (text, start, end) => {
      const s = signature(text, start, end);
      this.wanted.add(s);
      this.requestSignatures.push(s);
      return false;
    };
    const visit = (leaf: string | number) => {
      const text = longLeaf(leaf);
      if (text !== null) somePiece(text, want);
      return false;
    };
    for (const call of calls) {
      eachLeaf(call.request.value, NO_KEYS, visit);
      this.starts.push(this.requestSignatures.length);
    }
  }

  /** True when the request of calls[index] carries a value of a response added since the last clear. */
  usedBy(index: number): boolean {
    if (this.earlier.size === 0 || !this.mayUse(index)) return false;
    this.found = false;
    eachLeaf(this.calls[index]!.request.value, NO_KEYS, this.visitRequest);
    return this.found;
  }

  private mayUse(index: number): boolean {
    for (let i = this.starts[index]!; i < this.starts[index + 1]!; i++) if (this.kept.has(this.requestSignatures[i]!)) return true;
    return false;
  }

  /** Keeps the distinctive values of calls[index]'s response (its leaves outside the HTTP envelope, short ones and true/false/null aside). */
  add(index: number): void {
    eachLeaf(this.calls[index]!.response?.value, ENVELOPE_KEYS, this.visitResponse);
  }

  /** A new chain starts: no response is earlier any more. */
  clear(): void {
    if (this.earlier.size) this.earlier = new Set();
  }
}
