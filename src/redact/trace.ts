import type { RedactionCounts, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { redactHeaders } from './headers';
import { newPass, type RedactionPass, type RedactOptions, type SuspectValue } from './pass';
import { redactString } from './text';
import { redactBase64Body, redactValue } from './value';

const snapshot = <T extends Snapshot>(s: T, pass: RedactionPass, where: string): T => {
  pass.where = where;
  const value = redactValue(s.value, pass) as SnapshotValue;
  return value === s.value ? s : { ...s, value };
};

const text = (value: string, pass: RedactionPass, where: string) => {
  pass.where = where;
  return redactString(value, pass);
};

/** `item` itself when every field redaction gave back unchanged, else a copy with the changed fields (a clean call allocates nothing). */
function withChanges<T extends object>(item: T, changed: Partial<T>): T {
  for (const key in changed) if (changed[key] !== item[key]) return { ...item, ...changed };
  return item;
}

function redactCall(c: TraceCall, index: number, pass: RedactionPass): TraceCall {
  const at = `call ${index + 1} (${c.command})`;
  const frame = withChanges(c.frame, { url: text(c.frame.url, pass, `${at} frame URL`), parentUrl: text(c.frame.parentUrl, pass, `${at} frame URL`) });
  const deliveries = c.deliveries.map((d) => withChanges(d, { args: snapshot(d.args, pass, `${at} delivery ${d.seq}`) }));
  const changed: Partial<TraceCall> = {
    frame,
    summary: text(c.summary, pass, `${at} summary`),
    request: snapshot(c.request, pass, `${at} request`),
    deliveries: deliveries.every((d, i) => d === c.deliveries[i]) ? c.deliveries : deliveries,
  };
  if (c.response) changed.response = snapshot(c.response, pass, `${at} response`);
  if (c.error) changed.error = snapshot(c.error, pass, `${at} error`);
  return withChanges(c, changed);
}

function redactEntry(entry: NetworkEntry, index: number, pass: RedactionPass): NetworkEntry {
  const at = `request ${index + 1} (${entry.method})`;
  const { requestBody, responseBody } = entry;
  pass.where = `${at} headers`;
  return {
    ...entry,
    requestHeaders: redactHeaders(entry.requestHeaders, pass),
    responseHeaders: redactHeaders(entry.responseHeaders, pass),
    url: text(entry.url, pass, `${at} URL`),
    requestBody: requestBody === null ? null : text(requestBody, pass, `${at} request body`),
    responseBody: responseBody === null ? null : entry.responseBodyEncoding === 'base64' ? (pass.where = `${at} response body`, redactBase64Body(responseBody, pass)) : text(responseBody, pass, `${at} response body`),
  };
}

/** What a redaction run removed and kept, for the export dialog's preview. */
export interface RedactionReport {
  counts: Required<RedactionCounts>;
  /** Credential formats found in text, by format name. */
  formats: [string, number][];
  /** Long opaque values kept under names the rules do not know (the first 200), and how many in all. */
  suspects: SuspectValue[];
  suspectCount: number;
}

function run(trace: TraceV2, options: RedactOptions): { trace: TraceV2; pass: RedactionPass } {
  const pass = newPass(options);
  const out: TraceV2 = {
    ...trace,
    frames: trace.frames.map((f, i) => ({ ...f, url: text(f.url, pass, `frame ${i + 1} URL`), parentUrl: text(f.parentUrl, pass, `frame ${i + 1} URL`) })),
    segments: trace.segments.map((s, i) => ({ ...s, url: text(s.url, pass, `page ${i + 1} URL`) })),
    calls: trace.calls.map((c, i) => redactCall(c, i, pass)),
    network: trace.network.map((e, i) => redactEntry(e, i, pass)),
    // A token keeps its claims and every recorded field (its verdict when recorded among them); the JWT loses its signature.
    tokens: trace.tokens.map((t, i) => ({ ...t, jwt: text(t.jwt, pass, `token ${i + 1}`) })),
  };
  if (trace.findings) {
    out.findings = trace.findings.map((f, i) => {
      const at = `finding ${i + 1}`;
      return { ...f, id: text(f.id, pass, at), title: text(f.title, pass, at), numbers: text(f.numbers, pass, at), fix: text(f.fix, pass, at) };
    });
  }
  pass.counts.jwtSignatures = pass.signatures.size;
  out.redaction = { keys: pass.keys, counts: { ...pass.counts } };
  return { trace: out, pass };
}

/**
 * A copy of the trace a public bug report can carry (see README "Redaction"): every JWT loses its signature
 * (claims stay readable), credential headers and every header not on the safe list lose their values,
 * values under sensitive names are masked in payloads, bodies, URLs, forms, multipart and GraphQL, and known
 * credential formats are removed wherever they appear, also inside JSON strings, base64 and %-encoding.
 * Pure: the input is not changed.
 */
export function redactTrace(trace: TraceV2, options: RedactOptions = {}): TraceV2 {
  return run(trace, options).trace;
}

/** What redactTrace would remove, by class, and what it would keep that looks like a secret (shown before saving). */
export function previewRedaction(trace: TraceV2, options: RedactOptions = {}): RedactionReport {
  const { pass } = run(trace, options);
  return { counts: { ...pass.counts }, formats: [...pass.formats.entries()], suspects: pass.suspects, suspectCount: pass.suspectCount };
}
