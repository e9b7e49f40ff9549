import type { HeaderPair } from '../protocol/network';
import { isPlainObject } from '../protocol/validateBasics';
import { isSafeHeader } from '../settings/safeHeaders';
import { decodeBase64Text, encodeBase64Like } from './base64';
import { maskPrivateKeys } from './formats';
import { sensitiveVariables } from './graphql';
import { jwtAt } from './jwt';
import { maskMultipartFields } from './multipart';
import { credentialHeaderKind, NAME_CREDENTIAL_HEADER, NAME_HEADER_LIST, NAME_SENSITIVE } from './names';
import { REDACTED, removed, type RedactionPass } from './pass';
import { jsonMayHoldSecret, mayHoldSecret } from './quick';
import { scanText } from './scan';

/**
 * Structure first, then text: values, strings and header lists are walked together, because each can hold
 * the others (JSON inside a string holds values, a value holds header lists, a header value is text). One
 * module, so that the three parts of one recursive walk do not import one another in a circle.
 */

/** How many layers deep (JSON in a string, base64, %-encoding) redaction looks inside a value. */
export const MAX_LAYERS = 5;

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length && i < 64; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}

/**
 * A string, structure first: JSON (an object, an array, or a JSON string holding more JSON) is parsed and
 * walked; anything else (JSON cut short, forms, multipart, GraphQL documents, URLs, headers as text, free
 * text) is scanned (scan.ts), with base64 and %-encoded layers redacted inside. `layer` counts how deep
 * inside other strings this one sits.
 */
export function redactString(text: string, pass: RedactionPass, layer = 0, name: string | null = null): string {
  if (text.length < 6 || !mayHoldSecret(text)) return text;
  // A trace repeats its strings (frame URLs, summaries, keys' values): one found clean at this layer is not scanned again.
  const clean = text.length >= MIN_REMEMBERED_LENGTH && text.length <= MAX_REMEMBERED_LENGTH ? (pass.clean[layer] ??= new Set()) : null;
  if (clean?.has(text)) return text;
  const changes = pass.changes;
  const suspects = pass.suspectCount;
  const out = redactUncached(text, pass, layer, name);
  if (clean && pass.changes === changes && pass.suspectCount === suspects && clean.size < MAX_REMEMBERED) clean.add(text);
  return out;
}

/** Which strings are remembered as clean: short ones cost less to scan than to remember, long ones rarely repeat; at most this many per layer. */
const MIN_REMEMBERED_LENGTH = 24;
const MAX_REMEMBERED_LENGTH = 4096;
const MAX_REMEMBERED = 100_000;

function redactUncached(text: string, pass: RedactionPass, layer: number, name: string | null): string {
  const first = firstNonSpace(text);
  if ((first === '{' || first === '[' || first === '"') && layer < MAX_LAYERS) {
    if (first !== '"' && !jsonMayHoldSecret(text, pass)) return text;
    try {
      const parsed: unknown = JSON.parse(text);
      const before = pass.changes;
      const redacted = redactValue(parsed, pass, layer + 1, name);
      return pass.changes === before ? text : JSON.stringify(redacted);
    } catch {
      // Not whole JSON (cut short, or not JSON after all), or too deep to walk: scanned as text.
    }
  }
  let out = maskPrivateKeys(text, () => removed(pass, 'privateKeys'));
  if (out.includes('form-data')) out = maskMultipartFields(out, pass);
  return scanText(out, { pass, name, nested: layer < MAX_LAYERS ? (inner) => redactString(inner, pass, layer + 1, name) : null });
}

/** Whether a header name has a credential rule of its own (also as a payload key: invokeRemote headers, fetch init). */
export function isCredentialHeader(name: string): boolean {
  return credentialHeaderKind(name) !== null;
}

const alreadyMasked = (value: string) => value === '' || value === REDACTED;

/** `Scheme credential`: a JWT bearer keeps its claims (signature stripped), any other keeps only its scheme. */
function authorizationValue(value: string, pass: RedactionPass): string {
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  const scheme = space > 0 && space <= 24 ? trimmed.slice(0, space) : null;
  const credential = scheme ? trimmed.slice(space + 1).trim() : trimmed;
  if (alreadyMasked(credential)) return value;
  if (jwtAt(credential, 0)) return redactString(value, pass);
  removed(pass, 'authorization');
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/**
 * A header's value, redacted: OAuth tokens and cookies replaced whole; Authorization keeps a JWT bearer's
 * claims, otherwise its scheme ("Basic [redacted]"); a header on the safe list stays readable (scanned as
 * text); every other header's value is replaced.
 */
export function redactHeaderValue(name: string, value: string, pass: RedactionPass): string {
  const lower = name.toLowerCase();
  if (alreadyMasked(value)) return value;
  const kind = credentialHeaderKind(lower);
  if (kind === 'oauth') {
    removed(pass, 'oauthTokens');
    return REDACTED;
  }
  if (kind === 'cookie') {
    removed(pass, 'cookies');
    return REDACTED;
  }
  if (kind === 'authorization') return authorizationValue(value, pass);
  // Listed and not sensitive-looking: a listed `x-api-key` (or a `x-*` prefix covering it) stays redacted.
  if (isSafeHeader(lower, pass.safeHeaders) && !pass.isSensitive(lower)) return redactString(value, pass, 0, name);
  removed(pass, 'headers');
  return REDACTED;
}

export function redactHeaders(headers: readonly HeaderPair[], pass: RedactionPass): HeaderPair[] {
  return headers.map(({ name, value }) => ({ name: redactedName(name, pass), value: redactHeaderValue(name, value, pass) }));
}

/**
 * A key's or a header's name, redacted as text: a credential used as a name (a cache keyed by token, `X-<token>: 1`)
 * goes. The rules still read the name as sent.
 */
function redactedName(name: string, pass: RedactionPass, layer = 0): string {
  return name.length >= MIN_KEY_SCANNED ? redactString(name, pass, layer) : name;
}

/** Deeper nesting than this is replaced whole: walking it could exhaust the stack, and no trace needs it. */
const MAX_NESTING = 200;

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(text);

/**
 * A value under a sensitive name: a string or number is masked, except that a JWT keeps its claims (its
 * signature goes); an object or array is walked with every name inside it taken as sensitive unless known
 * harmless (`forgeInvocationToken: { jwt, expiresAt }` keeps its expiry, `credentials: { user, key }` loses both).
 */
function maskValue(value: unknown, pass: RedactionPass, layer: number, nesting: number): unknown {
  if (value === null || value === undefined || typeof value === 'boolean' || value === REDACTED || value === '') return value;
  if (typeof value === 'string') {
    const jwtStart = value.toLowerCase().startsWith('bearer ') ? 7 : 0;
    if (jwtAt(value, jwtStart)) return redactString(value, pass, layer);
  }
  if (typeof value === 'object') return walk(value, pass, layer, null, nesting + 1, true);
  removed(pass, 'sensitiveKeys');
  return REDACTED;
}

/** A header given as a value: a string, or a list of strings as invokeRemote's response headers are. */
function headerValue(name: string, value: unknown, pass: RedactionPass, layer: number): unknown {
  if (typeof value === 'string') return redactHeaderValue(name, value, pass);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => redactHeaderValue(name, v, pass));
  return maskValue(value, pass, layer, 0);
}

/** A list of headers in any of the shapes payloads use: `{ name: value }`, `[[name, value]]`, `[{ name, value }]`. */
function headerList(value: unknown, pass: RedactionPass, layer: number, nesting: number): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string') return [redactedName(item[0], pass, layer), headerValue(item[0], item[1], pass, layer)];
      if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' && 'value' in item) {
        const pair = item as { name: string; value: unknown };
        return { ...pair, name: redactedName(pair.name, pass, layer), value: headerValue(pair.name, pair.value, pass, layer) };
      }
      return walk(item, pass, layer, null, nesting + 1, false);
    });
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value)) defineFree(out, redactedName(name, pass, layer), headerValue(name, v, pass, layer));
    return out;
  }
  return walk(value, pass, layer, 'headers', nesting + 1, false);
}

/** base64 of text is decoded, redacted and re-encoded; binary that is not UTF-8 text cannot hold a readable secret. */
export function redactBase64Body(body: string, pass: RedactionPass): string {
  const decoded = decodeBase64Text(body.trim());
  if (decoded === null) return body;
  const before = pass.changes;
  const inner = redactString(decoded, pass, 1);
  return pass.changes === before ? body : encodeBase64Like(inner, body.trim());
}

/** `secretKeys`: names masked in this object besides those the rules know (a GraphQL request's variables passed to a sensitive argument). */
function walkObject(value: Record<string, unknown>, pass: RedactionPass, layer: number, nesting: number, inherited: boolean, secretKeys: ReadonlySet<string> | null = null): Record<string, unknown> {
  const attachment = value.isAttachment === true;
  // `{ name: "password", value: "…" }`: a form field, GraphQL argument or header as a record.
  const namedValue = typeof value.name === 'string' && 'value' in value && pass.isSensitive(value.name);
  // A JSON Web Key (RFC 7517): its private members have one- and two-letter names no word rule can know.
  const jwk = typeof value.kty === 'string';
  // A GraphQL request: a variable the document passes to a sensitive argument (`token: $t`) is masked as `token`.
  const secretVariables = typeof value.query === 'string' && isPlainObject(value.variables) ? sensitiveVariables(value.query, pass) : null;
  // Copied only once a value changes: a clean object (most of a trace) is returned as it came, nothing allocated.
  let out: Record<string, unknown> | null = null;
  let renamed: Map<string, string> | null = null;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = value[key];
    let next: unknown;
    const kind = pass.kindOf(key);
    if (kind & NAME_CREDENTIAL_HEADER) next = headerValue(key, v, pass, layer);
    else if (kind & NAME_SENSITIVE || (namedValue && key === 'value') || (jwk && JWK_PRIVATE.has(key)) || secretKeys?.has(key) || (inherited && !pass.isHarmless(key))) next = maskValue(v, pass, layer, nesting);
    else if (kind & NAME_HEADER_LIST && v !== null && typeof v === 'object') next = headerList(v, pass, layer, nesting);
    else if (attachment && key === 'body' && typeof v === 'string') next = redactBase64Body(v, pass);
    else if (key === 'variables' && secretVariables === 'all') next = walk(v, pass, layer, key, nesting + 1, true);
    else if (key === 'variables' && secretVariables instanceof Set && secretVariables.size > 0) next = walkObject(v as Record<string, unknown>, pass, layer, nesting + 1, false, secretVariables);
    else next = walk(v, pass, layer, key, nesting + 1, false);
    if (next !== v && out === null) out = { ...value };
    if (out !== null) out[key] = next;
    const redactedKey = redactedName(key, pass, layer);
    if (redactedKey !== key) (renamed ??= new Map()).set(key, redactedKey);
  }
  const result = out ?? value;
  return renamed ? renameKeys(result, renamed) : result;
}

/** A JWK's private members (RSA, EC and OKP private parts, RSA's extra primes) and a symmetric key's value (RFC 7518 §6). */
const JWK_PRIVATE: ReadonlySet<string> = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

/** Keys shorter than this are names, not credentials: no known format is this short. */
const MIN_KEY_SCANNED = 20;

/** The object with keys renamed (numbered when two names become the same), in their order, as own data properties. */
function renameKeys(value: Record<string, unknown>, renamed: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) defineFree(out, renamed.get(key) ?? key, value[key]);
  return out;
}

/**
 * Sets `name` on `out` as an own data field (so that `__proto__` stays a field), numbered when a field of that
 * name is there already: two credentials that redact to the same name both stay.
 */
function defineFree(out: Record<string, unknown>, base: string, value: unknown): void {
  let name = base;
  for (let n = 2; Object.prototype.hasOwnProperty.call(out, name); n++) name = `${base} #${n}`;
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
}

/** `list.map(f)`, but the list itself when `f` gave back every item unchanged. */
export function mapKeeping<T>(list: readonly T[], f: (item: T, index: number) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const next = f(list[i]!, i);
    if (next !== list[i] && out === null) out = list.slice(0, i);
    if (out !== null) out.push(next);
  }
  return out ?? (list as T[]);
}

function walk(value: unknown, pass: RedactionPass, layer: number, name: string | null, nesting: number, inherited = false): unknown {
  if (typeof value === 'string') return inherited && !isUrl(value) ? maskValue(value, pass, layer, nesting) : redactString(value, pass, layer, name);
  if (value === null || typeof value !== 'object') return inherited ? maskValue(value, pass, layer, nesting) : value;
  if (nesting > MAX_NESTING) {
    removed(pass, 'sensitiveKeys');
    return REDACTED;
  }
  if (Array.isArray(value)) {
    const [first, second] = value;
    if (value.length === 2 && typeof first === 'string') {
      // `[name, value]`: a header or form entry as fetch init and URLSearchParams give them.
      if (isCredentialHeader(first)) return [first, headerValue(first, second, pass, layer)];
      if (pass.isSensitive(first)) return [first, maskValue(second, pass, layer, nesting)];
    }
    return mapKeeping(value, (v) => walk(v, pass, layer, name, nesting + 1, inherited));
  }
  return walkObject(value as Record<string, unknown>, pass, layer, nesting, inherited);
}

/**
 * A JSON-like value (a snapshot, a parsed body), structure first: credential headers follow their rules,
 * header lists keep only safe headers' values, values under sensitive names are masked (a JWT keeps its
 * claims), strings are redacted as what they hold (redactString), a requestRemote attachment (base64)
 * inside its encoding. `layer`: how deep inside strings this value was found.
 */
export function redactValue(value: unknown, pass: RedactionPass, layer = 0, name: string | null = null): unknown {
  return walk(value, pass, layer, name, 0);
}
