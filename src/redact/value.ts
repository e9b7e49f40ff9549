import { decodeBase64Text, encodeBase64Like } from './base64';
import { isCredentialHeader, redactHeaderValue } from './headers';
import { jwtAt } from './jwt';
import { NAME_CREDENTIAL_HEADER, NAME_HEADER_LIST, NAME_SENSITIVE } from './names';
import { REDACTED, removed, type RedactionPass } from './pass';
import { redactString } from './text';

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
      if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string') return [item[0], headerValue(item[0], item[1], pass, layer)];
      if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' && 'value' in item) {
        const pair = item as { name: string; value: unknown };
        return { ...pair, value: headerValue(pair.name, pair.value, pass, layer) };
      }
      return walk(item, pass, layer, null, nesting + 1, false);
    });
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value)) out[name] = headerValue(name, v, pass, layer);
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

function walkObject(value: Record<string, unknown>, pass: RedactionPass, layer: number, nesting: number, inherited: boolean): Record<string, unknown> {
  const attachment = value.isAttachment === true;
  // `{ name: "password", value: "…" }`: a form field, GraphQL argument or header as a record.
  const namedValue = typeof value.name === 'string' && 'value' in value && pass.isSensitive(value.name);
  // Copied only once a value changes: a clean object (most of a trace) is returned as it came, nothing allocated.
  let out: Record<string, unknown> | null = null;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = value[key];
    let next: unknown;
    const kind = pass.kindOf(key);
    if (kind & NAME_CREDENTIAL_HEADER) next = headerValue(key, v, pass, layer);
    else if (kind & NAME_SENSITIVE || (namedValue && key === 'value') || (inherited && !pass.isHarmless(key))) next = maskValue(v, pass, layer, nesting);
    else if (kind & NAME_HEADER_LIST && v !== null && typeof v === 'object') next = headerList(v, pass, layer, nesting);
    else if (attachment && key === 'body' && typeof v === 'string') next = redactBase64Body(v, pass);
    else next = walk(v, pass, layer, key, nesting + 1, false);
    if (next !== v && out === null) out = { ...value };
    if (out !== null) out[key] = next;
  }
  return out ?? value;
}

/** `list.map(f)`, but the list itself when `f` changed nothing. */
function mapKeeping(list: unknown[], f: (v: unknown) => unknown): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const next = f(list[i]);
    if (next !== list[i] && out === null) out = list.slice();
    if (out !== null) out[i] = next;
  }
  return out ?? list;
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
