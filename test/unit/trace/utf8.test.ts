import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../src/trace/utf8';

describe('utf8Length', () => {
  it('counts as many bytes as UTF-8 encoding makes, for 1- to 4-byte characters', () => {
    for (const text of ['', 'plain ascii', 'é', 'naïve café', '日本語のテキスト', '😀 emoji 🎉', 'mixed: a é 語 😀 \u07ff \u0800 \uffff', '{"k":"€"}'.repeat(100)]) {
      expect(utf8Length(text), text.slice(0, 20)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('counts long text chunk by chunk, without splitting a surrogate pair at a chunk boundary', () => {
    for (const offset of [0, 1, 2]) {
      const text = `${'a'.repeat((1 << 20) - offset)}😀é`.repeat(3);
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
