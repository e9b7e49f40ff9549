import { describe, expect, it } from 'vitest';
import { deriveForTrace, exportTraceV2, importTraceText, redactTrace } from '../../../src/trace';
import { newTabSession, type TabSession } from '../../../src/protocol/model';
import { jwt } from '../tokens/fixtures';
import { traceValidators } from '../trace/validators';
import { frame, requestRemote, resolver, invokeRemote } from './fixtures';

// A token pasted into a path segment: findings name endpoints by path, so redaction must reach them.
const PLANTED = jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', exp: 2_000_000_000 });

function session(): TabSession {
  const missing = [resolver('getIsue', 0, 100, { error: new Error("Resolver has no definition for 'getIsue'.") }), resolver('getIssues', 10, 80)];
  const path = `/tasks/${PLANTED}`;
  const remote = [...[50, 60, 70, 80, 90].map((d, i) => invokeRemote(path, 1000 + i * 1500, 1000 + i * 1500 + d)), ...[20, 25, 30, 35, 40].map((d, i) => requestRemote(path, 1100 + i * 1500, 1100 + i * 1500 + d))];
  return newTabSession(7, { segments: [{ index: 0, startedAt: 0, url: 'https://example.atlassian.net/browse/SBX-1' }], frames: [frame()], calls: [...missing, ...remote], networkFeed: 'on' });
}

describe('findings in traces', () => {
  it('go into version 2 traces (valid against the published schema) and survive import', () => {
    const s = session();
    const derived = deriveForTrace(s);
    expect(derived.findings.map((f) => f.rule)).toEqual(['missing-resolver', 'remote-path']);
    const trace = exportTraceV2(s, { extensionVersion: '0.1.0', now: Date.now(), browser: null }, derived);
    const { v2 } = traceValidators();
    expect(v2(trace), JSON.stringify(v2.errors)).toBe(true);
    const back = importTraceText(JSON.stringify(trace));
    expect(back.ok && back.trace.findings).toEqual(trace.findings);
    // A finding with a rule the format does not know is refused by the schema.
    const damaged = { ...trace, findings: [{ ...trace.findings![0]!, rule: 'vibes' }] };
    expect(v2(damaged)).toBe(false);
  });

  it('carry each call\'s initiator and each frame\'s boot marks, valid against the schema, through import', () => {
    const s = session();
    s.calls[0] = { ...s.calls[0]!, initiator: { frames: [{ fn: 'load', url: 'http://localhost:8000/main/app.js', line: 40, column: 3 }] } };
    s.frames[0] = { ...s.frames[0]!, boot: { navigationStart: 1, bridgeAt: 2, firstPaintAt: null, firstContentfulPaintAt: 3 } };
    const trace = exportTraceV2(s, { extensionVersion: '0.1.0', now: Date.now(), browser: null }, deriveForTrace(s));
    const { v2 } = traceValidators();
    expect(v2(trace), JSON.stringify(v2.errors)).toBe(true);
    expect(trace.calls[0]!.initiator).toEqual(s.calls[0]!.initiator);
    const back = importTraceText(JSON.stringify(trace));
    expect(back.ok && back.trace.frames[0]!.boot).toEqual(s.frames[0]!.boot);
    expect(v2({ ...trace, calls: [{ ...trace.calls[0]!, initiator: { frames: [{ fn: 'x', url: 'u', line: 0, column: 1 }] } }] })).toBe(false);
  });

  it('are redacted with the rest: a JWT in a path loses its signature in the finding too', () => {
    const s = session();
    const trace = redactTrace(exportTraceV2(s, { extensionVersion: '0.1.0', now: Date.now(), browser: null }, deriveForTrace(s)));
    const path = trace.findings!.find((f) => f.rule === 'remote-path')!;
    expect(path.title).toContain(PLANTED.split('.').slice(0, 2).join('.'));
    expect(JSON.stringify(trace.findings)).not.toContain(PLANTED);
  });
});
