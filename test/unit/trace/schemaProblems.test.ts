import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../../src/trace/check';
import { traceFromHar } from '../../../src/trace/fromHar';
import { plantedTrace } from './fixtures';

/** The problems of the fixture trace after `damage`, as import names them. */
function afterDamage(damage: (t: Record<string, any>) => void, version: 1 | 2 = 2): string[] {
  const trace = structuredClone(plantedTrace()) as unknown as Record<string, any>;
  damage(trace);
  return traceProblems(trace, version);
}

describe('trace problems from the generated validators (Ajv standalone, from the published schemas)', () => {
  it('finds none in a trace the exporter wrote', () => {
    expect(traceProblems(plantedTrace(), 2)).toEqual([]);
  });

  it('names each kind of problem with its JSON path', () => {
    expect(afterDamage((t) => (t.calls[0].startedAt = 'soon'))).toEqual(['$.calls[0].startedAt: expected number']);
    expect(afterDamage((t) => (t.calls[0].status = 'done'))).toEqual(['$.calls[0].status: expected one of "pending", "ok", "error"']);
    expect(afterDamage((t) => (t.format = 'a-har'))).toEqual(['$.format: expected "forge-bridge-trace"']);
    expect(afterDamage((t) => (t.dropped = -1))).toEqual(['$.dropped: expected at least 0']);
    expect(afterDamage((t) => delete t.calls[0].command)).toEqual(['$.calls[0].command: missing']);
    expect(afterDamage((t) => (t.frames[0].bridge = 5))).toEqual(['$.frames[0].bridge: expected object or null']);
    expect(traceProblems([], 2)).toEqual(['$: expected object']);
  });

  it('describes a oneOf by the branch of the value\'s own type, else by the types allowed', () => {
    expect(afterDamage((t) => (t.redaction = 'yes'))).toEqual(['$.redaction: expected null or object']);
    expect(afterDamage((t) => (t.redaction = { keys: [] }))).toEqual(['$.redaction.counts: missing']);
  });

  it('names a damaged HAR\'s first five problems', () => {
    expect(traceFromHar({ log: { entries: [{ request: {}, response: {} }] } }, 0)).toEqual({
      error: 'The HAR file is damaged: $.log.entries[0].startedDateTime: missing; $.log.entries[0].request.method: missing; $.log.entries[0].request.url: missing; $.log.entries[0].request.headers: missing; $.log.entries[0].response.status: missing.',
    });
    expect(traceFromHar({ log: { entries: 'none' } }, 0)).toEqual({ error: 'The HAR file is damaged: $.log.entries: expected array.' });
  });
});
