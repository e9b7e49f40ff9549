import { describe, expect, it } from 'vitest';
import { readRecordInitiator } from '../../../src/settings/initiator';

describe('readRecordInitiator', () => {
  it('is off unless storage holds true', () => {
    expect(readRecordInitiator(undefined)).toBe(false);
    expect(readRecordInitiator('true')).toBe(false);
    expect(readRecordInitiator(1)).toBe(false);
    expect(readRecordInitiator(false)).toBe(false);
    expect(readRecordInitiator(true)).toBe(true);
  });
});
