// src/redact/opaque.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
import { isDigit, isLower, isUpper } from './chars';

/**
 * Whether a run of token characters looks like a secret nobody named: 24 to 512 characters mixing upper
 * case, lower case and digits (or base64's `+` `/`), with high per-character entropy. Hex ids, UUIDs, words, camelCase names and
 * paths do not pass; random API keys do. One pass over the run.
 */
export function looksOpaque(run: string): boolean {
  if (run.length < 24 || run.length > 512) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let slashes = 0;
  let symbols = 0;
  const seen = new Map<number, number>();
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
    else if (isDigit(c)) digits++;
    else if (c === 47) slashes++;
    if (c === 43 || c === 47) symbols++;
    seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  if (upper < 2 || lower < 2 || digits + symbols < 2 || slashes > 2) return false;
  let entropy = 0;
  for (const count of seen.values()) {
    const p = count / run.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 4;
}
