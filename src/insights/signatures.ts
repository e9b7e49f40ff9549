/** Bits in a Signatures filter: 2^18 (32 kB), few enough to stay in cache, many enough that most strings miss. */
const BITS = 18;

/**
 * A filter of strings by a few of their characters (length, first, middle, last): equal strings have equal
 * signatures, so a string whose signature was never added is certainly not among those added, found without
 * hashing it whole or keeping it. Strings are given as text[start, end) so pieces need no slice to be checked.
 */
export class Signatures {
  private readonly bits = new Uint32Array(1 << (BITS - 5));

  add(text: string, start: number, end: number): void {
    const s = signature(text, start, end);
    this.bits[s >>> 5]! |= 1 << (s & 31);
  }

  /** False when text[start, end) is certainly not a string added; true when it may be. */
  mayHave(text: string, start: number, end: number): boolean {
    const s = signature(text, start, end);
    return (this.bits[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}

function signature(text: string, start: number, end: number): number {
  const length = end - start;
  const mixed = (((length * 31 + text.charCodeAt(start)) * 31 + text.charCodeAt(start + (length >> 1))) * 31 + text.charCodeAt(end - 1)) | 0;
  return Math.imul(mixed, 0x9e3779b1) >>> (32 - BITS);
}
