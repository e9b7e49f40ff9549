import type { RedactionCounts, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { redactHeaders } from './headers';
import { at, newPass, type RedactionPass, type RedactOptions, type SuspectValue } from './pass';
import { redactString } from './text';
import { redactBase64Body, redactValue } from './value';

const snapshot = <T extends Snapshot>(s: T, pass: RedactionPass, part: string): T => {
  pass.where.part = part;
  const value = redactValue(s.value, pass) as SnapshotValue;
  return value === s.value ? s : { ...s, value };
};

const text = (value: string, pass: RedactionPass, part: string) => {
  pass.where.part = part;
  return redactString(value, pass);
};

/** `list.map(f)`, but the list itself when `f` gave back every item unchanged. */
function mapKeeping<T>(list: readonly T[], f: (item: T, index: number) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const next = f(list[i]!, i);
    if (next !== list[i] && out === null) out = list.slice(0, i);
    if (out !== null) out.push(next);
  }
  return out ?? (list as T[]);
}

/** A call redacted; the call itself when nothing in it changed (a clean call allocates nothing). */
function redactCall(c: TraceCall, index: number, pass: RedactionPass): TraceCall {
  at(pass, 'call', index, c.command, '');
  const url = text(c.frame.url, pass, 'frame URL');
  const parentUrl = text(c.frame.parentUrl, pass, 'frame URL');
  const frame = url === c.frame.url && parentUrl === c.frame.parentUrl ? c.frame : { ...c.frame, url, parentUrl };
  const summary = text(c.summary, pass, 'summary');
  const request = snapshot(c.request, pass, 'request');
  const deliveries = mapKeeping(c.deliveries, (d) => {
    const args = snapshot(d.args, pass, `delivery ${d.seq}`);
    return args === d.args ? d : { ...d, args };
  });
  const response = c.response ? snapshot(c.response, pass, 'response') : c.response;
  const error = c.error ? snapshot(c.error, pass, 'error') : c.error;
  if (frame === c.frame && summary === c.summary && request === c.request && deliveries === c.deliveries && response === c.response && error === c.error) return c;
  const out: TraceCall = { ...c, frame, summary, request, deliveries };
  if (c.response) out.response = response;
  if (c.error) out.error = error;
  return out;
}

function redactEntry(entry: NetworkEntry, index: number, pass: RedactionPass): NetworkEntry {
  at(pass, 'request', index, entry.method, 'headers');
  const { requestBody, responseBody } = entry;
  const requestHeaders = redactHeaders(entry.requestHeaders, pass);
  const responseHeaders = redactHeaders(entry.responseHeaders, pass);
  const url = text(entry.url, pass, 'URL');
  // Words a server or an imported file chose: scanned as text like any other.
  const statusText = text(entry.statusText, pass, 'status text');
  const mimeType = text(entry.mimeType, pass, 'MIME type');
  const request = requestBody === null ? null : text(requestBody, pass, 'request body');
  pass.where.part = 'response body';
  const response = responseBody === null ? null : entry.responseBodyEncoding === 'base64' ? redactBase64Body(responseBody, pass) : redactString(responseBody, pass);
  return { ...entry, requestHeaders, responseHeaders, url, statusText, mimeType, requestBody: request, responseBody: response };
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
    frames: trace.frames.map((f, i) => {
      at(pass, 'frame', i, '', 'URL');
      return { ...f, url: redactString(f.url, pass), parentUrl: redactString(f.parentUrl, pass) };
    }),
    segments: trace.segments.map((s, i) => {
      at(pass, 'page', i, '', 'URL');
      return { ...s, url: redactString(s.url, pass) };
    }),
    calls: trace.calls.map((c, i) => redactCall(c, i, pass)),
    network: trace.network.map((e, i) => redactEntry(e, i, pass)),
    // A token keeps its claims and every recorded field (its verdict when recorded among them); the JWT loses its signature.
    tokens: trace.tokens.map((t, i) => {
      at(pass, 'token', i, '', '');
      return { ...t, jwt: redactString(t.jwt, pass) };
    }),
  };
  if (trace.findings) {
    out.findings = trace.findings.map((f, i) => {
      at(pass, 'finding', i, '', '');
      return { ...f, id: redactString(f.id, pass), title: redactString(f.title, pass), numbers: redactString(f.numbers, pass), fix: redactString(f.fix, pass) };
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
