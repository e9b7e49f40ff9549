import type { RedactionCounts, TraceV2 } from '../protocol/model';
import type { HeaderPair, NetworkEntry } from '../protocol/network';
import type { SnapshotValue } from '../protocol/snapshot';
import { DEFAULT_SENSITIVE_KEYS, sensitiveKeyMatcher } from './sensitiveKeys';

export const REDACTED = '[redacted]';
export const REDACTED_SIGNATURE = 'REDACTED-SIGNATURE';

const JWT = /\b(eyJ[A-Za-z0-9_-]+)\.(eyJ[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/g;
const HAS_JWT = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const OAUTH_HEADERS = new Set(['x-forge-oauth-system', 'x-forge-oauth-user']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);

interface Pass {
  isSensitive: (key: string) => boolean;
  keys: string[];
  counts: RedactionCounts;
  signatures: Set<string>;
}

/** Strips every JWT's signature: header and claims stay readable, the token cannot be replayed. */
function stripSignatures(text: string, pass: Pass): string {
  return text.replace(JWT, (whole, header: string, payload: string, signature: string) => {
    if (signature === REDACTED_SIGNATURE) return whole;
    pass.signatures.add(whole);
    return `${header}.${payload}.${REDACTED_SIGNATURE}`;
  });
}

/** `key=value` pairs (query strings, form bodies) and `"key": "value"` in text that is not JSON. */
function maskPairs(text: string, pass: Pass): string {
  let out = text.replace(/([?&;]|^)([^=&?#;\s"]+)=([^&#;\s"]*)/g, (whole, sep: string, key: string, value: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      // keep it as it is
    }
    if (!pass.isSensitive(name) || value === '' || value === encodeURIComponent(REDACTED)) return whole;
    pass.counts.sensitiveKeys++;
    return `${sep}${key}=${encodeURIComponent(REDACTED)}`;
  });
  out = out.replace(/"([^"\\]{1,100})"\s*:\s*"((?:[^"\\]|\\.)*)"/g, (whole, key: string, value: string) => {
    if (!pass.isSensitive(key) || value === REDACTED || /^eyJ/.test(value)) return whole;
    pass.counts.sensitiveKeys++;
    return `"${key}":"${REDACTED}"`;
  });
  return out;
}

function redactString(text: string, pass: Pass): string {
  return maskPairs(stripSignatures(text, pass), pass);
}

/** A JSON-like value: JWTs lose signatures, values under sensitive keys are masked, strings lose secrets. */
function redactValue(value: unknown, pass: Pass): unknown {
  if (typeof value === 'string') return redactString(value, pass);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, pass));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (pass.isSensitive(key) && v !== null && v !== undefined && v !== REDACTED) {
      if (typeof v === 'string' && HAS_JWT.test(v)) {
        out[key] = stripSignatures(v, pass);
      } else {
        pass.counts.sensitiveKeys++;
        out[key] = REDACTED;
      }
    } else {
      out[key] = redactValue(v, pass);
    }
  }
  return out;
}

function redactBody(body: string | null, pass: Pass): string | null {
  if (body === null) return null;
  try {
    return JSON.stringify(redactValue(JSON.parse(body), pass));
  } catch {
    return redactString(body, pass);
  }
}

function redactHeaders(headers: HeaderPair[], pass: Pass): HeaderPair[] {
  return headers.map(({ name, value }) => {
    const lower = name.toLowerCase();
    if (OAUTH_HEADERS.has(lower)) {
      pass.counts.oauthTokens++;
      return { name, value: REDACTED };
    }
    if (COOKIE_HEADERS.has(lower)) {
      pass.counts.cookies++;
      return { name, value: REDACTED };
    }
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const bearerJwt = /^Bearer\s+eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/i.test(value.trim());
      if (bearerJwt) return { name, value: stripSignatures(value, pass) };
      pass.counts.authorization++;
      const scheme = /^(\S+)\s+\S/.exec(value.trim())?.[1];
      return { name, value: scheme ? `${scheme} ${REDACTED}` : REDACTED };
    }
    return { name, value: redactString(value, pass) };
  });
}

function fromBase64(text: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function redactEntry(entry: NetworkEntry, pass: Pass): NetworkEntry {
  let responseBody = entry.responseBody;
  if (responseBody !== null && entry.responseBodyEncoding === 'base64') {
    const decoded = fromBase64(responseBody);
    // Binary that is not text cannot hold a readable secret; text is redacted like any body.
    responseBody = decoded === null ? responseBody : toBase64(redactBody(decoded, pass) ?? '');
  } else {
    responseBody = redactBody(responseBody, pass);
  }
  return {
    ...entry,
    url: redactString(entry.url, pass),
    requestHeaders: redactHeaders(entry.requestHeaders, pass),
    responseHeaders: redactHeaders(entry.responseHeaders, pass),
    requestBody: redactBody(entry.requestBody, pass),
    responseBody,
  };
}

function newPass(keys: readonly string[]): Pass {
  return {
    isSensitive: sensitiveKeyMatcher(keys),
    keys: [...keys],
    counts: { jwtSignatures: 0, oauthTokens: 0, cookies: 0, authorization: 0, sensitiveKeys: 0 },
    signatures: new Set(),
  };
}

const snap = <T extends { value: SnapshotValue }>(s: T, pass: Pass): T => ({ ...s, value: redactValue(s.value, pass) as SnapshotValue });

/**
 * A copy of the trace a bug report can carry: JWT signatures removed everywhere, OAuth tokens, cookies and
 * other credentials replaced, and values under sensitive keys masked in payloads, bodies and URLs.
 */
export function redactTrace(trace: TraceV2, options: { keys?: readonly string[] } = {}): TraceV2 {
  const pass = newPass(options.keys ?? DEFAULT_SENSITIVE_KEYS);
  const out: TraceV2 = {
    ...trace,
    frames: trace.frames.map((f) => ({ ...f, url: redactString(f.url, pass), parentUrl: redactString(f.parentUrl, pass) })),
    segments: trace.segments.map((s) => ({ ...s, url: redactString(s.url, pass) })),
    calls: trace.calls.map((c) => {
      const call = {
        ...c,
        frame: { ...c.frame, url: redactString(c.frame.url, pass), parentUrl: redactString(c.frame.parentUrl, pass) },
        summary: redactString(c.summary, pass),
        request: snap(c.request, pass),
        deliveries: c.deliveries.map((d) => ({ ...d, args: snap(d.args, pass) })),
      };
      if (c.response) call.response = snap(c.response, pass);
      if (c.error) call.error = snap(c.error, pass);
      return call;
    }),
    network: trace.network.map((e) => redactEntry(e, pass)),
    tokens: trace.tokens.map((t) => ({ ...t, jwt: stripSignatures(t.jwt, pass) })),
  };
  pass.counts.jwtSignatures = pass.signatures.size;
  out.redaction = { keys: pass.keys, counts: pass.counts };
  return out;
}

/** What redactTrace would remove, by kind, without keeping the result (shown before saving). */
export function previewRedaction(trace: TraceV2, options: { keys?: readonly string[] } = {}): RedactionCounts {
  return redactTrace(trace, options).redaction!.counts;
}
