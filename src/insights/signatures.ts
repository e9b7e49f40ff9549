/** Bits in a Signatures filter: 2^18 (32 kB), few enough to stay in cache, many enough that most strings miss. */
const BITS = 18;

/**
 * A string's signature, made of a few of its characters (length, first, middle, last): equal strings have equal
 * signatures, so a string whose signature is not in a filter is certainly not among the strings added to it,
 * found without hashing it whole or keeping it. The string is text[start, end), so a piece needs no slice.
 */
export function signature(text: string, start: number, end: number): number {
  const length = end - start;
  const mixed = (((length * 31 + text.charCodeAt(start)) * 31 + text.charCodeAt(start + (length >> 1))) * 31 + text.charCodeAt(end - 1)) | 0;
  return Math.imul(mixed, 0x9e3779b1) >>> (32 - BITS);
}

/** A set of signatures: one bit each. */
export class Signatures {
  private readonly bits = new Uint32Array(1 << (BITS - 5));

  add(s: number): void {
    this.bits[s >>> 5]! |= 1 << (s & 31);
  }

  /** False when no string of this signature was added; true when one may have been. */
  has(s: number): boolean {
    return (this.bits[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}
