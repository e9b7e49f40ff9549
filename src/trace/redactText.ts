import type { RedactionCounts } from '../protocol/model';
import { sensitiveKeyMatcher } from './sensitiveKeys';

export const REDACTED = '[redacted]';
export const REDACTED_SIGNATURE = 'REDACTED-SIGNATURE';

/** One redaction run: the rule for keys, and what was removed so far. */
export interface RedactionPass {
  isSensitive: (key: string) => boolean;
  keys: string[];
  counts: RedactionCounts;
  /** Distinct JWTs whose signature was removed (counted once each). */
  signatures: Set<string>;
}

export function newPass(keys: readonly string[]): RedactionPass {
  return {
    isSensitive: sensitiveKeyMatcher(keys),
    keys: [...keys],
    counts: { jwtSignatures: 0, oauthTokens: 0, cookies: 0, authorization: 0, sensitiveKeys: 0 },
    signatures: new Set(),
  };
}

// No word boundary before the header: a JWT may follow `%3D` in a URL-encoded string.
const JWT = /(eyJ[A-Za-z0-9_-]+)\.(eyJ[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/g;
export const BEARER_JWT = /^Bearer\s+eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/i;
const ENCODED_REDACTED = encodeURIComponent(REDACTED);
/** `key=value` in query strings, fragments and form bodies. */
const FORM_PAIR = /([?&;#]|^)([^=&?#;\s"]+)=([^&#;\s"]*)/g;
/** `"key": "value"` or `"key": 123` in text that is not JSON (a truncated body, a string holding JSON). */
const JSON_PAIR = /"([^"\\]{1,100})"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
/** The same, JSON-escaped once more (`\"key\":\"value\"`), as in JSON held in a string of a truncated body. */
const ESCAPED_JSON_PAIR = /\\"([^"\\]{1,100})\\"\s*:\s*(\\"(?:[^"\\]|\\[^"])*\\"|-?\d[\d.eE+-]*)/g;

/** Strips every JWT's signature: header and claims stay readable, the token cannot be replayed. */
export function stripSignatures(text: string, pass: RedactionPass): string {
  if (!text.includes('eyJ')) return text;
  return text.replace(JWT, (whole, header: string, payload: string, signature: string) => {
    if (signature === REDACTED_SIGNATURE) return whole;
    pass.signatures.add(whole);
    return `${header}.${payload}.${REDACTED_SIGNATURE}`;
  });
}

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function maskPairs(text: string, pass: RedactionPass): string {
  let out = text;
  if (out.includes('=')) {
    out = out.replace(FORM_PAIR, (whole, sep: string, key: string, value: string) => {
      if (value === '' || value === ENCODED_REDACTED || !pass.isSensitive(decodedKey(key))) return whole;
      pass.counts.sensitiveKeys++;
      return `${sep}${key}=${ENCODED_REDACTED}`;
    });
  }
  if (out.includes('":')) out = out.replace(JSON_PAIR, (whole, key: string, value: string) => maskJsonPair(whole, key, value, `"${key}":"${REDACTED}"`, pass));
  if (out.includes('\\"')) out = out.replace(ESCAPED_JSON_PAIR, (whole, key: string, value: string) => maskJsonPair(whole, key, value, `\\"${key}\\":\\"${REDACTED}\\"`, pass));
  return out;
}

function maskJsonPair(whole: string, key: string, value: string, masked: string, pass: RedactionPass): string {
  // A JWT under a sensitive key keeps its (already stripped) claims, as in parsed JSON.
  if (!pass.isSensitive(key) || value.includes(REDACTED) || value.includes(REDACTED_SIGNATURE)) return whole;
  pass.counts.sensitiveKeys++;
  return masked;
}

/** Any text: JWTs lose their signature; sensitive `key=value` and JSON-looking `"key": value` pairs are masked. */
export function redactText(text: string, pass: RedactionPass): string {
  return maskPairs(stripSignatures(text, pass), pass);
}
