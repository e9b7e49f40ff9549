/**
 * Which names (payload keys, header names, form fields, query parameters) hold secrets. A name is
 * normalised (lower case, only letters and digits: "X-Api_Key" → "xapikey") and is sensitive when it
 * *contains* one of the words, unless it is a known-harmless name. Containment, not a suffix: real payloads
 * say `awsSecretAccessKey`, `privateKeyPem`, `apiKeyValue`, `passcode`.
 */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = [
  'secret', 'password', 'passwd', 'passphrase', 'passcode', 'token', 'apikey', 'auth', 'credential', 'private',
  'signature', 'session', 'cookie', 'bearer', 'accesskey', 'secretkey', 'sessionkey', 'signingkey', 'jwt', 'otp',
  'pin', 'sid', 'csrf', 'xsrf', 'saml', 'hmac', 'salt', 'pass', 'pwd',
];

/** Words too short to match inside a longer name ("pin" in "mapping", "sid" in "inside"): whole name only. */
const WHOLE_NAME_ONLY = new Set(['otp', 'pin', 'sid', 'salt', 'pass', 'pwd']);

/**
 * Names that contain a word yet hold nothing secret, kept so a trace stays useful: Forge's context token
 * (a JWT: its claims stay readable, its signature goes like any JWT's), expiry times, counts and types,
 * and "author…" (which contains "auth").
 */
const HARMLESS_NAMES = new Set(['contexttoken', 'expiresat', 'tokentype', 'tokencount', 'tokenexpiry', 'sessionexpiry', 'authorid', 'author', 'authors', 'authorname', 'authoraccountid', 'authordisplayname', 'authenticated', 'authtype', 'authmethod', 'authscheme']);
const HARMLESS_ENDINGS = ['expiresat', 'expiresin', 'expiration', 'expiry', 'count', 'type', 'length', 'ttl'];

/** Query and form parameters that carry credentials in signed and OAuth URLs (matched by whole name). */
const URL_PARAMS = new Set(['sig', 'code', 'key', 'token', 'accesstoken', 'idtoken', 'refreshtoken', 'clientsecret', 'xamzsignature', 'xamzcredential', 'xamzsecuritytoken', 'ticket', 'jwt', 'auth', 'pass', 'pwd']);

function harmless(n: string): boolean {
  if (HARMLESS_NAMES.has(n) || (n.startsWith('author') && !n.startsWith('authoriz') && !n.startsWith('authoris'))) return true;
  return HARMLESS_ENDINGS.some((e) => n.endsWith(e) && n.length > e.length);
}

const OAUTH_HEADERS = new Set(['x-forge-oauth-system', 'x-forge-oauth-user']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
const AUTHORIZATION_HEADERS = new Set(['authorization', 'proxy-authorization']);

export type CredentialHeaderKind = 'oauth' | 'cookie' | 'authorization' | null;

/** Which credential rule of its own a header name has, if any (also as a payload key: invokeRemote headers, fetch init). */
export function credentialHeaderKind(name: string): CredentialHeaderKind {
  const lower = name.toLowerCase();
  return OAUTH_HEADERS.has(lower) ? 'oauth' : COOKIE_HEADERS.has(lower) ? 'cookie' : AUTHORIZATION_HEADERS.has(lower) ? 'authorization' : null;
}

/** What a name asks of the structure walk (bits): its value is secret, a credential header, a header list, a request's attachment flag. */
export const NAME_SENSITIVE = 1;
export const NAME_CREDENTIAL_HEADER = 2;
export const NAME_HEADER_LIST = 4;
export const NAME_ATTACHMENT = 8;

/** What a query or form parameter's name says of its value: a sensitive name, or a signed-URL/OAuth parameter. */
export const PARAM_SENSITIVE_NAME = 2;
export const PARAM_URL_CREDENTIAL = 1;

/** Lower-case letters and digits only: already normal, nothing to copy (most names of a hostile text, `k123`). */
const NORMAL = /^[a-z0-9]*$/;

export const normaliseName = (name: string): string => (NORMAL.test(name) ? name : name.toLowerCase().replace(/[^a-z0-9]/g, ''));

export interface NameRules {
  /** A key, header or field name whose value is a secret. */
  isSensitive: (name: string) => boolean;
  /** A query or form parameter name whose value is a secret (sensitive names and signed-URL parameters). */
  isSensitiveParam: (name: string) => boolean;
  /** The same, told apart: PARAM_SENSITIVE_NAME, PARAM_URL_CREDENTIAL or 0; memoised (one lookup per pair). */
  paramKind: (name: string) => number;
  /** NAME_* bits for a name, memoised: one lookup per key in the walk. */
  kindOf: (name: string) => number;
  /** A name known to hold nothing secret though it may contain a word (`expiresAt`, `contextToken`). */
  isHarmless: (name: string) => boolean;
}

/** `judge`, remembered for the first 10,000 names (a trace repeats its names; a hostile one cannot grow the map). */
function memoByName<T>(judge: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    let value = known.get(name);
    if (value === undefined) {
      value = judge(name);
      if (known.size < 10_000) known.set(name, value);
    }
    return value;
  };
}

/** The rules for a list of words (the user may edit the list in the export dialog); memoised per name. */
export function nameRules(words: readonly string[]): NameRules {
  const list = words.map(normaliseName).filter(Boolean);
  const whole = new Set(list.filter((w) => WHOLE_NAME_ONLY.has(w)));
  const parts = list.filter((w) => !whole.has(w));
  // One pattern for every word a name may contain: one test per name, not one `includes` per word. The words are
  // normalised (letters and digits only), so each is its own pattern.
  const anyPart = parts.length ? new RegExp(parts.join('|')) : null;
  const judge = (name: string): boolean => {
    const n = normaliseName(name);
    if (n === '' || !(whole.has(n) || (anyPart !== null && anyPart.test(n)))) return false;
    return !harmless(n);
  };
  const sensitive = (name: string) => name.length <= 200 && judge(name);
  const isSensitive = memoByName(sensitive);
  // kindOf and paramKind judge a name they have not seen directly: a second memo's lookup would miss as theirs did.
  const kindOf = memoByName((name) => (sensitive(name) ? NAME_SENSITIVE : 0) | (credentialHeaderKind(name) ? NAME_CREDENTIAL_HEADER : 0) | (name.length <= 200 && normaliseName(name).endsWith('headers') ? NAME_HEADER_LIST : 0) | (name === 'isAttachment' ? NAME_ATTACHMENT : 0));
  const paramKind = memoByName((name) => (sensitive(name) ? PARAM_SENSITIVE_NAME : name.length <= 200 && URL_PARAMS.has(normaliseName(name)) ? PARAM_URL_CREDENTIAL : 0));
  return { isSensitive, kindOf, paramKind, isSensitiveParam: (name) => paramKind(name) !== 0, isHarmless: (name) => harmless(normaliseName(name)) };
}
