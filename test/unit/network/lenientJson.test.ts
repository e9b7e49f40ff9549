import { describe, expect, it } from 'vitest';
import { parseJsonLenient } from '../../../src/network';

describe('parseJsonLenient', () => {
  it('gives the whole value when the text parses', () => {
    expect(parseJsonLenient('{"a":[1,"x",null,true]}')).toEqual({ value: { a: [1, 'x', null, true] }, complete: true });
  });

  it('keeps the members finished before a cut, and leaves out a value cut short', () => {
    expect(parseJsonLenient('{"a":1,"b":"unfini')).toEqual({ value: { a: 1 }, complete: false });
    expect(parseJsonLenient('[{"x":1},{"y":[2,3')).toEqual({ value: [{ x: 1 }, { y: [2] }], complete: false });
    expect(parseJsonLenient('{"n":12')).toEqual({ value: {}, complete: false });
  });

  it('says nothing was read for empty, absent or garbage text, and never throws', () => {
    expect(parseJsonLenient('')).toEqual({ value: null, complete: false });
    expect(parseJsonLenient(null)).toEqual({ value: null, complete: false });
    expect(parseJsonLenient('<html>')).toEqual({ value: null, complete: false });
    expect(() => parseJsonLenient('['.repeat(100_000))).not.toThrow();
  });

  it('reads every prefix of a document without throwing, and a prefix that parses is read whole', () => {
    const doc = JSON.stringify({ data: { invokeExtension: { success: true, response: { body: { items: [1, 2.5e3, 'a\\"b', { u: '\u00e9\u{1F600}' }], ok: false } } } } });
    for (let n = 0; n <= doc.length; n++) {
      const prefix = doc.slice(0, n);
      const read = parseJsonLenient(prefix);
      if (n === doc.length) expect(read).toEqual({ value: JSON.parse(doc), complete: true });
      else expect(read.complete, prefix).toBe(false);
    }
  });
});
