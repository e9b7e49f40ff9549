import { describe, expect, it } from 'vitest';
import { Segments } from '../../../../src/recorder/segments';

describe('Segments', () => {
  it('opens a segment with the first frame and fills its URL once', () => {
    let now = 10;
    const s = new Segments(() => now);
    expect(s.ensure('').changed).toBe(true);
    now = 20;
    expect(s.ensure('https://a/').changed).toBe(true);
    expect(s.ensure('https://b/').changed).toBe(false);
    expect(s.list).toEqual([{ index: 0, startedAt: 10, url: 'https://a/' }]);
  });

  it('adopts the first top document, and calls a different one a navigation', () => {
    let now = 1;
    const s = new Segments(() => now);
    s.ensure('');
    expect(s.topDocument('0:a', 'https://a/', false)).toEqual({ result: 'adopted', changed: true });
    expect(s.topDocument('0:a', 'https://a/', false)).toEqual({ result: 'same', changed: false });
    now = 5;
    expect(s.topDocument('0:b', 'https://b/', true).result).toBe('navigation');
    expect(s.list.map((g) => g.index)).toEqual([0, 1]);
    expect(s.topDocument('0:c', 'https://c/', false).result).toBe('navigation');
    expect(s.list).toEqual([{ index: 2, startedAt: 5, url: 'https://c/' }]);
  });
});
