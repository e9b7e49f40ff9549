import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/protocol/limits';
import { parseDevtoolsToBackground } from '../../../src/protocol/validateNetwork';
import { netEntry } from '../recorder/helpers';

describe('parseDevtoolsToBackground', () => {
  it('accepts a hello and a batch of entries, rebuilt from their known fields', () => {
    expect(parseDevtoolsToBackground({ type: 'network-hello', tabId: 4 })).toEqual({ ok: true, value: { type: 'network-hello', tabId: 4 } });
    const result = parseDevtoolsToBackground({ type: 'network', tabId: 4, entries: [{ ...netEntry('n1'), extra: 'dropped' }] });
    expect(result.ok).toBe(true);
    if (result.ok && result.value.type === 'network') {
      expect(result.value.entries[0]).toEqual(netEntry('n1'));
      expect(result.value.entries[0]).not.toHaveProperty('extra');
    }
  });

  it('names the first bad field', () => {
    const bad = (entry: unknown) => parseDevtoolsToBackground({ type: 'network', tabId: 1, entries: [entry] });
    expect(bad({ ...netEntry('n'), category: 'images' })).toEqual({ ok: false, reason: expect.stringContaining('entries[0].category: expected one of') });
    expect(bad({ ...netEntry('n'), requestHeaders: [{ name: '', value: 'x' }] })).toEqual({ ok: false, reason: 'entries[0].requestHeaders[0].name: expected a non-empty string' });
    expect(bad({ ...netEntry('n'), responseBody: 'x'.repeat(LIMITS.networkBodyChars + 1) })).toMatchObject({ ok: false, reason: expect.stringContaining('entries[0].responseBody: string longer than') });
    expect(bad({ ...netEntry('n'), timings: { ...netEntry('n').timings, wait: Number.NaN } })).toMatchObject({ ok: false, reason: expect.stringContaining('entries[0].timings.wait') });
    expect(bad({ ...netEntry('n'), responseBodyEncoding: 'gzip' })).toMatchObject({ ok: false, reason: expect.stringContaining('responseBodyEncoding') });
  });

  it('refuses too many entries at once and unknown message types', () => {
    const many = Array.from({ length: LIMITS.networkEntriesPerMessage + 1 }, (_, i) => netEntry(`n${i}`));
    expect(parseDevtoolsToBackground({ type: 'network', tabId: 1, entries: many })).toMatchObject({ ok: false, reason: expect.stringContaining(`more than ${LIMITS.networkEntriesPerMessage}`) });
    expect(parseDevtoolsToBackground({ type: 'exportAll' })).toMatchObject({ ok: false, reason: 'type: expected "network-hello" or "network", got "exportAll"' });
  });
});
