import { isDigit, isLower, isUpper } from './chars';

/** Counts per ASCII character, reset after each run (no map per run: the scanner asks of every long word). */
const counts = new Int32Array(128);

/**
 * Whether a run of token characters looks like a secret nobody named: 24 to 512 characters mixing upper
 * case, lower case and digits (or base64's `+` `/`), with high per-character entropy. Hex ids, UUIDs, words, camelCase names and
 * paths do not pass; random API keys do. The classes are counted first, the entropy only for a run that
 * passes them; a character beyond ASCII (never in a run the scanner gives) is not opaque.
 */
export function looksOpaque(run: string): boolean {
  const n = run.length;
  if (n < 24 || n > 512) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let slashes = 0;
  let symbols = 0;
  for (let i = 0; i < n; i++) {
    const c = run.charCodeAt(i);
    if (c >= 128) return false;
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
    else if (isDigit(c)) digits++;
    else if (c === 47) slashes++;
    if (c === 43 || c === 47) symbols++;
  }
  if (upper < 2 || lower < 2 || digits + symbols < 2 || slashes > 2) return false;
  for (let i = 0; i < n; i++) counts[run.charCodeAt(i)]!++;
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    const c = run.charCodeAt(i);
    const count = counts[c]!;
    if (count === 0) continue;
    const p = count / n;
    entropy -= p * Math.log2(p);
    counts[c] = 0;
  }
  return entropy >= 4;
}
