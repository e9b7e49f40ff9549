import { describe, expect, it } from 'vitest';
import { looksOpaque } from '../../../src/redact/opaque';
import { random } from '../ui/randomSession';

/** The rule as first written (a map of characters per run): the counted version must judge every run alike. */
function byMap(run: string): boolean {
  if (run.length < 24 || run.length > 512) return false;
  let upper = 0, lower = 0, digits = 0, slashes = 0, symbols = 0;
  const seen = new Map<string, number>();
  for (const ch of run) {
    if (/[A-Z]/.test(ch)) upper++;
    else if (/[a-z]/.test(ch)) lower++;
    else if (/[0-9]/.test(ch)) digits++;
    else if (ch === '/') slashes++;
    if (ch === '+' || ch === '/') symbols++;
    seen.set(ch, (seen.get(ch) ?? 0) + 1);
  }
  if (upper < 2 || lower < 2 || digits + symbols < 2 || slashes > 2) return false;
  let entropy = 0;
  for (const count of seen.values()) entropy -= (count / run.length) * Math.log2(count / run.length);
  return entropy >= 4;
}

describe('looksOpaque', () => {
  it('passes random keys and leaves out hex ids, UUIDs, words and camelCase names', () => {
    expect(looksOpaque('Zq8xYv7WuT6sR5qP4oN3mL2kJ1hG')).toBe(true);
    expect(looksOpaque('9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toBe(false);
    expect(looksOpaque('123e4567-e89b-12d3-a456-426614174000')).toBe(false);
    expect(looksOpaque('someLongButHarmlessPropertyNameHere')).toBe(false);
    expect(looksOpaque('abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });

  it('judges every run as a map of its characters would, over random runs of token characters', () => {
    const rand = random(17);
    const alphabets = ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_', 'abcdef0123456789', 'aAbB12/', 'ABCDEFGHabcdefgh01+/'];
    for (let n = 0; n < 3_000; n++) {
      const abc = alphabets[n % alphabets.length]!;
      const run = Array.from({ length: 16 + Math.floor(rand() * 80) }, () => abc[Math.floor(rand() * abc.length)]).join('');
      expect(looksOpaque(run), run).toBe(byMap(run));
    }
  });

  it('says no to a run beyond ASCII, and a later run is judged afresh (no counts left over)', () => {
    expect(looksOpaque('Zq8xYv7WuT6sR5qP4oN3mL2kJ1hGé')).toBe(false);
    expect(looksOpaque('Zq8xYv7WuT6sR5qP4oN3mL2kJ1hG')).toBe(true);
    expect(looksOpaque('Zq8xYv7WuT6sR5qP4oN3mL2kJ1hG')).toBe(true);
  });
});
