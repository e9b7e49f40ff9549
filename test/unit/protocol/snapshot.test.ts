import { describe, expect, it } from 'vitest';
import { isDescription, SNAPSHOT_MARKER } from '../../../src/protocol';

describe('isDescription', () => {
  it('recognises a description by its marker key', () => {
    expect(isDescription({ [SNAPSHOT_MARKER]: 'function', text: 'onClick' })).toBe(true);
  });
  it('rejects plain values', () => {
    expect(isDescription({ text: 'x' })).toBe(false);
    expect(isDescription([SNAPSHOT_MARKER])).toBe(false);
    expect(isDescription(null)).toBe(false);
    expect(isDescription('$fbdt')).toBe(false);
  });
});
