import { isCredentialHeader, redactHeaderValue } from './redactHeaders';
import { REDACTED, redactText, stripSignatures, type RedactionPass } from './redactText';

/** A value under a sensitive key: masked, except that a JWT keeps its claims (its signature goes). */
function maskValue(value: unknown, pass: RedactionPass): unknown {
  if (value === null || value === undefined || value === REDACTED) return value;
  if (typeof value === 'string' && /eyJ[A-Za-z0-9_-]+\.eyJ/.test(value)) return stripSignatures(value, pass);
  pass.counts.sensitiveKeys++;
  return REDACTED;
}

/** A header given as a value (a string, or a list of strings as invokeRemote's response headers are). */
function headerValue(name: string, value: unknown, pass: RedactionPass): unknown {
  if (typeof value === 'string') return redactHeaderValue(name, value, pass);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => redactHeaderValue(name, v, pass));
  return maskValue(value, pass);
}

/** `[name, value]`: a header or form entry as fetch init and URLSearchParams give them. */
function isNamedPair(value: unknown[]): value is [string, unknown] {
  return value.length === 2 && typeof value[0] === 'string';
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

/** Base64 text is decoded, redacted and re-encoded; binary that is not UTF-8 text cannot hold a readable secret. */
export function redactBase64(body: string, pass: RedactionPass): string {
  const decoded = fromBase64(body);
  return decoded === null ? body : toBase64(redactBody(decoded, pass));
}

/**
 * A JSON-like value (a snapshot, a parsed body): JWTs lose signatures, credential headers follow their
 * rules, values under sensitive keys are masked, strings lose embedded secrets, and a requestRemote
 * attachment body (base64) is redacted inside its encoding.
 */
export function redactValue(value: unknown, pass: RedactionPass): unknown {
  if (typeof value === 'string') return redactText(value, pass);
  if (Array.isArray(value)) {
    if (isNamedPair(value)) {
      const [name, inner] = value;
      if (isCredentialHeader(name)) return [name, headerValue(name, inner, pass)];
      if (pass.isSensitive(name)) return [name, maskValue(inner, pass)];
    }
    return value.map((v) => redactValue(v, pass));
  }
  if (value === null || typeof value !== 'object') return value;
  const attachment = (value as { isAttachment?: unknown }).isAttachment === true;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (isCredentialHeader(key)) out[key] = headerValue(key, v, pass);
    else if (pass.isSensitive(key)) out[key] = maskValue(v, pass);
    else if (attachment && key === 'body' && typeof v === 'string') out[key] = redactBase64(v, pass);
    else out[key] = redactValue(v, pass);
  }
  return out;
}

/** A body: JSON is parsed, redacted and re-serialized; other text is redacted as text. */
export function redactBody(body: string, pass: RedactionPass): string {
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(redactValue(JSON.parse(body), pass));
    } catch {
      // not whole JSON (cut short, or not JSON after all): redacted as text
    }
  }
  return redactText(body, pass);
}
