import type { RedactionCounts, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { redactHeaders } from './redactHeaders';
import { newPass, redactText, stripSignatures, type RedactionPass } from './redactText';
import { redactBase64, redactBody, redactValue } from './redactValue';
import { DEFAULT_SENSITIVE_KEYS } from './sensitiveKeys';

export { REDACTED, REDACTED_SIGNATURE } from './redactText';

const snapshot = <T extends Snapshot>(s: T, pass: RedactionPass): T => ({ ...s, value: redactValue(s.value, pass) as SnapshotValue });

function redactCall(c: TraceCall, pass: RedactionPass): TraceCall {
  const call: TraceCall = {
    ...c,
    frame: { ...c.frame, url: redactText(c.frame.url, pass), parentUrl: redactText(c.frame.parentUrl, pass) },
    summary: redactText(c.summary, pass),
    request: snapshot(c.request, pass),
    deliveries: c.deliveries.map((d) => ({ ...d, args: snapshot(d.args, pass) })),
  };
  if (c.response) call.response = snapshot(c.response, pass);
  if (c.error) call.error = snapshot(c.error, pass);
  return call;
}

function redactEntry(entry: NetworkEntry, pass: RedactionPass): NetworkEntry {
  const { responseBody } = entry;
  return {
    ...entry,
    url: redactText(entry.url, pass),
    requestHeaders: redactHeaders(entry.requestHeaders, pass),
    responseHeaders: redactHeaders(entry.responseHeaders, pass),
    requestBody: entry.requestBody === null ? null : redactBody(entry.requestBody, pass),
    responseBody: responseBody === null ? null : entry.responseBodyEncoding === 'base64' ? redactBase64(responseBody, pass) : redactBody(responseBody, pass),
  };
}

/**
 * A copy of the trace a bug report can carry: every JWT's signature removed (claims stay readable), OAuth
 * tokens, cookies and other Authorization credentials replaced, and values under sensitive keys masked in
 * payloads, bodies (base64 ones inside their encoding), URLs and GraphQL variables. Pure: the input is not
 * changed. See sensitiveKeys.ts for how keys match.
 */
export function redactTrace(trace: TraceV2, options: { keys?: readonly string[] } = {}): TraceV2 {
  const pass = newPass(options.keys ?? DEFAULT_SENSITIVE_KEYS);
  const out: TraceV2 = {
    ...trace,
    frames: trace.frames.map((f) => ({ ...f, url: redactText(f.url, pass), parentUrl: redactText(f.parentUrl, pass) })),
    segments: trace.segments.map((s) => ({ ...s, url: redactText(s.url, pass) })),
    calls: trace.calls.map((c) => redactCall(c, pass)),
    network: trace.network.map((e) => redactEntry(e, pass)),
    tokens: trace.tokens.map((t) => ({ ...t, jwt: stripSignatures(t.jwt, pass) })),
  };
  if (trace.findings) out.findings = trace.findings.map((f) => ({ ...f, id: redactText(f.id, pass), title: redactText(f.title, pass), numbers: redactText(f.numbers, pass), fix: redactText(f.fix, pass) }));
  pass.counts.jwtSignatures = pass.signatures.size;
  out.redaction = { keys: pass.keys, counts: pass.counts };
  return out;
}

/** What redactTrace would remove, by kind (shown before saving). */
export function previewRedaction(trace: TraceV2, options: { keys?: readonly string[] } = {}): RedactionCounts {
  return redactTrace(trace, options).redaction!.counts;
}
