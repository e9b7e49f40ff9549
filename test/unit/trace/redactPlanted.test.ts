import { describe, expect, it } from 'vitest';
import { redactTrace } from '../../../src/trace';
import { importTraceText } from '../../../src/trace';
import { exportsOf, leaks } from './exportText';
import { PLACES, plantedInTrace } from './fixtures';
import { KEPT, PLANTED } from './plantedSecrets';
import { FIT, har } from '../network/fixtures';

describe('planted secrets: every class in every place a trace carries data', () => {
  it('plants at least 60 distinct values across every class', () => {
    expect(new Set(PLANTED.map((s) => s.value)).size).toBe(PLANTED.length);
    expect(PLANTED.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PLANTED.map((s) => s.kind))).toEqual(new Set(['name', 'url', 'format', 'jwt', 'structure', 'header']));
  });

  for (const place of PLACES) {
    it(`${place}: the unredacted trace holds each value; neither the redacted JSON nor its HAR holds any, in any encoding`, () => {
      const raw = plantedInTrace(place);
      const [rawJson] = exportsOf(raw);
      const missing = PLANTED.filter((s) => leaks(rawJson!, s.value).length === 0).map((s) => s.id);
      expect(missing, 'planted but not in the unredacted trace').toEqual([]);
      const [json, harText] = exportsOf(redactTrace(raw));
      const survived = PLANTED.flatMap((s) => [...leaks(json!, s.value).map(() => `${s.id} (JSON)`), ...leaks(harText!, s.value).map(() => `${s.id} (HAR)`)]);
      expect([...new Set(survived)], 'survived redaction').toEqual([]);
    });
  }

  it('HAR fields: a browser HAR carrying them in URL, headers, cookies, post data and content imports and exports redacted', () => {
    const entries = PLANTED.map((s, i) => {
      const entry = har('POST', `https://remote.test/p${i}?q=${encodeURIComponent(s.text)}`, { body: s.text, response: { note: s.text }, headers: { 'X-Note': s.text, ...(s.name ? { [s.name]: s.value } : {}) } });
      return { ...entry, request: { ...entry.request, cookies: [{ name: 'sid', value: s.value }], queryString: [{ name: 'q', value: s.text }] } };
    });
    // One request carries a Forge token: what makes the HAR a Forge recording to import.
    const forge = har('GET', 'https://remote.test/tasks', { headers: { Authorization: `Bearer ${FIT}` } });
    const imported = importTraceText(JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [forge, ...entries] } }));
    expect(imported.ok, imported.ok ? '' : imported.error).toBe(true);
    if (!imported.ok) return;
    const [rawJson] = exportsOf(imported.trace);
    expect(PLANTED.filter((s) => leaks(rawJson!, s.value).length === 0).map((s) => s.id), 'planted but not imported').toEqual([]);
    const [json, harText] = exportsOf(redactTrace(imported.trace));
    expect(PLANTED.filter((s) => leaks(json!, s.value).length + leaks(harText!, s.value).length > 0).map((s) => s.id), 'survived').toEqual([]);
  });

  it('keeps what the reader needs beside them (claims, states, ordinary values)', () => {
    const [json] = exportsOf(redactTrace(plantedInTrace('payload')));
    for (const kept of KEPT) expect(json, kept).toContain(kept);
  });
});
