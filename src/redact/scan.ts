import { decodeBase64Text, decodeJwtSegment, encodeBase64Like, encodeBase64Url } from './base64';
import { ALNUM, B64ANY, B64URL, CLASS, isHex, isNameChar, PLUS, runEnd, SLASH, TOKEN } from './chars';
import { jwtAt } from './jwt';
import { looksOpaque } from './opaque';
import { isMasked, pairAt } from './pairs';
import { REDACTED, removed, suspect, type RedactionPass } from './pass';
import { encodedNameBefore, encodedSegment, encodedSeparatorAt, safeDecodeURIComponent, safeEncodeURIComponent } from './percent';
import { afterEscape, userinfoPassword, wordAt } from './words';
import { startTagNameBefore } from './xml';

const BACKSLASH = 92;

/** The name before an encoded `=` (`%3D`) or `:` (`%3A`) at `i` is one whose value is secret. */
function encodedPairIsSensitive(text: string, i: number, pass: RedactionPass): boolean {
  const name = encodedNameBefore(text, i);
  if (name === null) return false;
  return (text.charCodeAt(i + 2) | 32) === 100 ? pass.isSensitiveParam(name) : pass.isSensitive(name);
}

/** How many clean claim sets a pass remembers. */
const MAX_CLEAN_CLAIMS = 10_000;

/**
 * How many distinct claim sets a pass reads. A session renews its FIT every 25 s or so (2,000 is hours of them),
 * while a page can send tens of thousands of JWTs in one value, each read costing several microseconds: past
 * this many, a JWT's payload is replaced whole, so a secret in it still goes and the export stays bounded.
 */
const MAX_CLAIMS_READ = 2_000;

/** A payload segment that decodes to the JSON string "[redacted]": the JWT keeps its shape, a decoder says why. */
const CLAIMS_NOT_READ = encodeBase64Url(JSON.stringify(REDACTED));

/**
 * A JWT's payload segment with its claims redacted inside the encoding (a claim can carry a credential or sit
 * under a sensitive name, as any payload's field can); null when nothing in them changed or they are not text.
 */
function redactedClaims(segment: string, ctx: ScanContext): string | null {
  const { pass } = ctx;
  if (!ctx.nested || pass.cleanClaims.has(segment) || segment === CLAIMS_NOT_READ) return null;
  if (++pass.claimsRead > MAX_CLAIMS_READ) {
    pass.changes++;
    return CLAIMS_NOT_READ;
  }
  const decoded = decodeJwtSegment(segment);
  if (decoded === null) return null;
  const changes = pass.changes;
  const suspects = pass.suspectCount;
  const inner = ctx.nested(decoded);
  if (pass.changes !== changes) return encodeBase64Url(inner);
  if (pass.suspectCount === suspects && pass.cleanClaims.size < MAX_CLEAN_CLAIMS) pass.cleanClaims.add(segment);
  return null;
}

/** The longest header tried for a JWT glued to a word (real ones are under 300 characters): a second decode stays small. */
const MAX_GLUED_HEADER = 512;

/** Where `eyJ` (a JSON object's start in base64url) first starts in text[from, to), or -1: never past `to`. */
function firstEyJ(text: string, from: number, to: number): number {
  for (let j = from; j + 3 <= to; j++) if (text.charCodeAt(j) === 101 && text.charCodeAt(j + 1) === 121 && text.charCodeAt(j + 2) === 74) return j;
  return -1;
}

/** What the scanner needs besides the text: the pass, and how to redact a decoded layer (base64, %-encoding). */
export interface ScanContext {
  pass: RedactionPass;
  /** The name the text sits under, for the suspects list. */
  name: string | null;
  /** Redacts decoded text one layer deeper; null at the deepest layer. */
  nested: ((text: string) => string) | null;
}

/**
 * Text of any kind, scanned once from left to right: JWTs lose their signature, known credential formats,
 * Basic and Bearer credentials and URL passwords go, values after sensitive names (`name=value`,
 * `name: value`, `"name":"value"` at any escaping depth) are masked, base64 and %-encoded layers are
 * redacted inside, and long opaque values under unknown names are listed (or removed when asked).
 * Each character is visited a bounded number of times: time is linear in the text.
 */
export function scanText(text: string, ctx: ScanContext): string {
  const { pass } = ctx;
  // The output in pieces, joined into chunks as it grows: a text with a replacement every few characters would
  // otherwise keep millions of small strings alive until the end.
  // Made at the first replacement: most texts have none.
  let chunks = null as string[] | null;
  let pieces = null as string[] | null;
  let last = 0;
  const replace = (from: number, to: number, withText: string) => {
    chunks ??= [];
    pieces ??= [];
    pieces.push(text.slice(last, from), withText);
    last = to;
    if (pieces.length >= 2048) {
      chunks.push(pieces.join(''));
      pieces = [];
    }
  };
  /** %-encoded text [from, to) redacted inside its encoding; false when decoding changed nothing or found nothing. */
  const encoded = (from: number, to: number): boolean => {
    const raw = text.slice(from, to);
    const decoded = safeDecodeURIComponent(raw);
    if (decoded === null || decoded === raw || !ctx.nested) return false;
    const before = pass.changes;
    const inner = ctx.nested(decoded);
    if (pass.changes === before) return false;
    replace(from, to, safeEncodeURIComponent(inner));
    return true;
  };
  const n = text.length;
  let i = 0;
  let encodedCheckedUntil = 0;
  // A run of base64 characters that is not base64 of text as a whole (`auth/eyJ…/next`, both alphabets mixed)
  // is tried again in parts, at each `/` or `+` up to here.
  let splitFrom = -1;
  let splitUntil = 0;
  // A JWT glued to the word before it (`X-eyJ…`, `cache_eyJ…`, `v1eyJ…`, `\u0022eyJ…`) is looked for at the first
  // `eyJ` of a stretch of base64url that a dot ends, once per stretch (`a-eyJa-eyJa-…` is one try).
  let gluedFrom = 0;
  /** A JWT or other word found at `at`: its replacement made (a JWT's claims redacted too), the scan moved past it. */
  const take = (at: NonNullable<ReturnType<typeof wordAt>>) => {
    const claims = at.payload ? redactedClaims(text.slice(at.payload.from, at.payload.to), ctx) : null;
    // The payload and the signature after it, as one replacement: [payload.from, at.to) is `payload.signature`.
    if (claims !== null) replace(at.payload!.from, at.to, `${claims}.${at.mask ?? text.slice(at.from, at.to)}`);
    else if (at.mask !== null) replace(at.from, at.to, at.mask);
    i = at.to;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASS[c]! : 0;
    if ((cls & B64ANY) === 0) {
      // Not a token character: only a separator, a quote after a name, or an escape asks for anything.
      if (c === 58 && text.startsWith('//', i + 1)) {
        const password = userinfoPassword(text, i);
        if (password) {
          replace(password.from, password.to, REDACTED);
          removed(pass, 'urlCredentials');
          i = password.to;
        } else i += 3;
        continue;
      }
      let sep = c === 61 || c === 58 ? i : -1;
      if (c === 34 || c === 39) {
        // `password 'value'`, `secret "value"` (a log or an error message): the space before the quote is the separator.
        let k = i - 1;
        while (k > last && k > i - 16 && text.charCodeAt(k) === BACKSLASH) k--;
        if (text.charCodeAt(k) === 32 && isNameChar(text.charCodeAt(k - 1))) sep = k;
      }
      if (sep !== -1) {
        const action = pairAt(text, sep, pass, c !== 34 && c !== 39 && i >= encodedCheckedUntil);
        if (action.kind === 'none' && action.to !== -1) encodedCheckedUntil = action.to;
        if (action.kind === 'replace') {
          replace(action.from, action.to, action.text);
          i = action.to;
          continue;
        }
        if (action.kind === 'continue') {
          i = Math.max(action.to, i + 1);
          continue;
        }
        if (action.kind === 'encoded') {
          encodedCheckedUntil = action.to;
          if (encoded(action.from, action.to)) {
            i = action.to;
            continue;
          }
        }
      } else if (c === 62) {
        // `<password>value</password>`: an XML element under a sensitive name, its text up to the next tag.
        const name = startTagNameBefore(text, i);
        if (name !== null && pass.isSensitive(name)) {
          let end = text.indexOf('<', i + 1);
          if (end === -1) end = n;
          const value = text.slice(i + 1, end);
          if (value.trim() !== '' && !isMasked(value) && !jwtAt(text, i + 1)) {
            replace(i + 1, end, REDACTED);
            removed(pass, 'sensitiveKeys');
            i = end;
            continue;
          }
        }
      } else if (c === BACKSLASH && 'ntr/'.includes(text[i + 1] ?? '')) {
        // A JSON escape (\n, \t, \r, \/) or a %XX escape is stepped over whole: the word after it starts fresh.
        i += 2;
        continue;
      } else if (c === 37 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
        // An encoded `=` or `:` (`/cb%3Ftoken%3D…`): the encoded stretch around it is redacted decoded.
        if (ctx.nested && i >= encodedCheckedUntil && encodedSeparatorAt(text, i) && encodedPairIsSensitive(text, i, pass)) {
          const segment = encodedSegment(text, i, Math.max(last, encodedCheckedUntil));
          encodedCheckedUntil = segment.to;
          if (encoded(segment.from, segment.to)) {
            i = segment.to;
            continue;
          }
        }
        i += 3;
        continue;
      }
      i++;
      continue;
    }
    const prev = i === 0 ? -1 : text.charCodeAt(i - 1);
    const prevCls = prev >= 0 && prev < 128 ? CLASS[prev]! : 0;
    const escaped = (prevCls & B64ANY) !== 0 && afterEscape(text, i);
    // A JWT needs 11 token characters (a 10-character header and its dot), a known format 20, a base64 run 16:
    // read at most 16 ahead to know which can start here (a word in a long dotted run is not read to its end).
    const reach = runEnd(text, i, TOKEN, i + 16) - i;
    const word = (cls & ALNUM) !== 0 && ((prevCls & ALNUM) === 0 || escaped) && (reach >= 11 || c === 66 || c === 98);
    const part = i < splitUntil && (i === splitFrom || (prevCls & (SLASH | PLUS)) !== 0);
    const runStart = ((prevCls & B64ANY) === 0 || escaped || part) && reach >= 16;
    if (word) {
      const at = wordAt(text, i, (prevCls & B64URL) === 0 || escaped, reach >= 11, pass);
      if (at !== null) {
        take(at);
        continue;
      }
      if (reach >= 11 && i >= gluedFrom) {
        const stretchEnd = runEnd(text, i, B64URL);
        gluedFrom = stretchEnd;
        const k = text.charCodeAt(stretchEnd) === 46 ? firstEyJ(text, Math.max(i + 1, stretchEnd - MAX_GLUED_HEADER), stretchEnd) : -1;
        const glued = k === -1 ? null : wordAt(text, k, true, true, pass, stretchEnd);
        if (glued !== null) {
          take(glued);
          continue;
        }
      }
    }
    if (runStart) {
      let end = runEnd(text, i, part ? B64URL : B64ANY);
      if (text.charCodeAt(end) === 61) end += text.charCodeAt(end + 1) === 61 ? 2 : 1;
      if (end - i >= 16) {
        const run = text.slice(i, end);
        const mixed = /[-_]/.test(run) && /[+/]/.test(run);
        const decoded = ctx.nested && !mixed ? decodeBase64Text(run) : null;
        if (decoded !== null && ctx.nested) {
          const before = pass.changes;
          const inner = ctx.nested(decoded);
          if (pass.changes !== before) {
            replace(i, end, encodeBase64Like(inner, run));
            i = end;
            continue;
          }
        } else if (!part && looksOpaque(run)) {
          if (pass.removeOpaque) {
            replace(i, end, REDACTED);
            removed(pass, 'opaque');
            i = end;
            continue;
          }
          suspect(pass, ctx.name, run);
        }
        if (decoded === null && !part && ctx.nested && /[+/]/.test(run)) {
          splitFrom = i;
          splitUntil = end;
          continue;
        }
      }
    }
    // Inside a run of letters and digits no word, run or pair can start: step over it in one tight loop.
    i = (cls & ALNUM) !== 0 ? runEnd(text, i + 1, ALNUM) : i + 1;
  }
  if (chunks === null || pieces === null) return text;
  pieces.push(text.slice(last));
  chunks.push(pieces.join(''));
  return chunks.join('');
}
