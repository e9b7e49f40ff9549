import type { RedactionCounts, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { at, newPass, type RedactionPass, type RedactOptions, type SuspectValue } from './pass';
import { mapKeeping, redactBase64Body, redactHeaders, redactString, redactValue } from './walk';

/**
 * Fields each part of a trace has that are not walked as values: those whose rules are applied below by
 * name, and those the recorder itself writes (ids and lists of them, enums, numbers, times). Every other field is redacted as a
 * value: a call's initiator stack, a frame's channel report, settings, fields an imported file added,
 * whatever a later version records. A token's header is the JWT's own and stays readable; its claims are
 * walked as a value, as the JWT's payload is (scan.ts): readable, except a claim that holds a secret.
 */
const SKIP = {
  trace: new Set(['frames', 'segments', 'calls', 'network', 'tokens', 'findings', 'redaction', 'format', 'version', 'exportedAt', 'tabId', 'dropped', 'lostInTransit', 'matches']),
  call: new Set(['frame', 'summary', 'request', 'response', 'error', 'deliveries', 'id', 'kind', 'status', 'segment', 'startedAt', 'endedAt', 'durationMs']),
  callFrame: new Set(['url', 'parentUrl', 'key', 'isTop']),
  frame: new Set(['url', 'parentUrl', 'key', 'frameId', 'docId', 'isTop', 'firstSeenAt', 'hookReady', 'transport', 'segment']),
  snapshot: new Set(['value', 'bytes', 'truncated']),
  delivery: new Set(['args', 'seq', 'at']),
  entry: new Set(['requestHeaders', 'responseHeaders', 'url', 'statusText', 'mimeType', 'requestBody', 'responseBody', 'id', 'category', 'startedAt', 'durationMs', 'status', 'segment', 'timings', 'bodyTruncated', 'requestBodySize', 'responseBodySize', 'responseBodyEncoding']),
  token: new Set(['jwt', 'header', 'id', 'type', 'iat', 'nbf', 'exp', 'reportedExpiresAt', 'firstSeenAt', 'lastUsedAt', 'uses']),
  finding: new Set(['id', 'title', 'numbers', 'fix', 'rule', 'severity', 'costMs', 'callIds']),
};

/** `out` (a copy of `item` being made, or null while nothing changed) with `key` set to `value` when it differs. */
function put<T extends object, K extends keyof T>(item: T, out: T | null, key: K, value: T[K]): T | null {
  if (value === item[key]) return out;
  out ??= { ...item };
  out[key] = value;
  return out;
}

/** The item with its changes (`out`), and every field not in `skip` redacted as a value; the item itself when nothing changed. */
function rest<T extends object>(item: T, out: T | null, skip: ReadonlySet<string>, pass: RedactionPass): T {
  for (const key in item) {
    // Numbers, booleans and null first: most fields a trace walks by name are times, sizes and flags.
    const v = item[key];
    if (v === null || (typeof v !== 'object' && typeof v !== 'string')) continue;
    if (skip.has(key) || !Object.prototype.hasOwnProperty.call(item, key)) continue;
    out = put(item, out, key, redactValue(v, pass) as T[typeof key]);
  }
  return out ?? item;
}

const snapshot = <T extends Snapshot>(s: T, pass: RedactionPass, part: string): T => {
  pass.where.part = part;
  const value = redactValue(s.value, pass) as SnapshotValue;
  return rest(s, value === s.value ? null : { ...s, value }, SKIP.snapshot, pass);
};

const text = (value: string, pass: RedactionPass, part: string) => {
  pass.where.part = part;
  return redactString(value, pass);
};

/** A frame as a call or the trace's frame list holds it. */
function frameOf<T extends { url: string; parentUrl: string }>(f: T, skip: ReadonlySet<string>, pass: RedactionPass): T {
  const url = text(f.url, pass, 'frame URL');
  const parentUrl = text(f.parentUrl, pass, 'frame URL');
  return rest(f, url === f.url && parentUrl === f.parentUrl ? null : { ...f, url, parentUrl }, skip, pass);
}

/**
 * A call's frame redacted. An export shares one frame object among its calls: one found clean (nothing removed,
 * nothing suspect) is noted and not walked again for the next call; one that changed is walked for each, so
 * that its counts stay per call.
 */
function callFrame(f: TraceCall['frame'], pass: RedactionPass, cleanFrames: Set<TraceCall['frame']>): TraceCall['frame'] {
  const changes = pass.changes;
  const suspects = pass.suspectCount;
  const out = frameOf(f, SKIP.callFrame, pass);
  if (out === f && pass.changes === changes && pass.suspectCount === suspects) cleanFrames.add(f);
  return out;
}

/**
 * A call redacted; the call itself when nothing in it changed. Fields are read by name (one object shape per
 * site keeps this fast over 100,000 calls); rest() takes the others.
 */
function redactCall(c: TraceCall, index: number, pass: RedactionPass, cleanFrames: Set<TraceCall['frame']>): TraceCall {
  at(pass, 'call', index, c.command, '');
  const frame = cleanFrames.has(c.frame) ? c.frame : callFrame(c.frame, pass, cleanFrames);
  const summary = text(c.summary, pass, 'summary');
  const request = snapshot(c.request, pass, 'request');
  const deliveries = c.deliveries.length === 0 ? c.deliveries : mapKeeping(c.deliveries, (d) => {
    const args = snapshot(d.args, pass, `delivery ${d.seq}`);
    return rest(d, args === d.args ? null : { ...d, args }, SKIP.delivery, pass);
  });
  const response = c.response ? snapshot(c.response, pass, 'response') : c.response;
  const error = c.error ? snapshot(c.error, pass, 'error') : c.error;
  pass.where.part = '';
  let out: TraceCall | null = null;
  if (frame !== c.frame || summary !== c.summary || request !== c.request || deliveries !== c.deliveries || response !== c.response || error !== c.error) {
    out = { ...c, frame, summary, request, deliveries };
    if (c.response) out.response = response;
    if (c.error) out.error = error;
  }
  return rest(c, out, SKIP.call, pass);
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
  pass.where.part = '';
  const out = { ...entry, requestHeaders, responseHeaders, url, statusText, mimeType, requestBody: request, responseBody: response };
  return rest(entry, out, SKIP.entry, pass);
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
  const frames = trace.frames.map((f, i) => {
    at(pass, 'frame', i, '', '');
    return frameOf(f, SKIP.frame, pass);
  });
  const segments = trace.segments.map((s, i) => {
    at(pass, 'page', i, '', 'URL');
    return redactValue(s, pass) as typeof s;
  });
  const cleanFrames = new Set<TraceCall['frame']>();
  const calls = trace.calls.map((c, i) => redactCall(c, i, pass, cleanFrames));
  const network = trace.network.map((e, i) => redactEntry(e, i, pass));
  // A token keeps every recorded field (its verdict when recorded among them) and its claims but a secret one; the JWT loses its signature.
  const tokens = trace.tokens.map((t, i) => {
    at(pass, 'token', i, '', '');
    return rest(t, put(t, null, 'jwt', redactString(t.jwt, pass)), SKIP.token, pass);
  });
  const findings = trace.findings?.map((f, i) => {
    at(pass, 'finding', i, '', '');
    let changed = put(f, null, 'id', redactString(f.id, pass));
    changed = put(f, changed, 'title', redactString(f.title, pass));
    changed = put(f, changed, 'numbers', redactString(f.numbers, pass));
    changed = put(f, changed, 'fix', redactString(f.fix, pass));
    return rest(f, changed, SKIP.finding, pass);
  });
  at(pass, '', 0, '', 'trace');
  const out: TraceV2 = { ...rest(trace, null, SKIP.trace, pass), frames, segments, calls, network, tokens };
  if (findings) out.findings = findings;
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
  return redactWithReport(trace, options).report;
}

/**
 * redactTrace's copy and previewRedaction's report from one pass: the export dialog shows the report and saves
 * the copy it was made from (one pass over 100,000 calls is 200 ms, and the report is exactly of what is saved).
 */
export function redactWithReport(trace: TraceV2, options: RedactOptions = {}): { trace: TraceV2; report: RedactionReport } {
  const { trace: out, pass } = run(trace, options);
  return { trace: out, report: { counts: { ...pass.counts }, formats: [...pass.formats.entries()], suspects: pass.suspects, suspectCount: pass.suspectCount } };
}
