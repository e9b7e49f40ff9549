import type { RedactionCounts } from '../protocol/model';
import { DEFAULT_SAFE_HEADERS } from '../settings/safeHeaders';
import { DEFAULT_SENSITIVE_KEYS, nameRules, type NameRules } from './names';

export const REDACTED = '[redacted]';
export const REDACTED_SIGNATURE = 'REDACTED-SIGNATURE';
export const ENCODED_REDACTED = encodeURIComponent(REDACTED);

/** Every class redaction removes (the trace's counts, all present). */
export type RedactionTally = Required<RedactionCounts>;

/** A value that looked like a secret (long, opaque) under a name the rules do not know, and was kept. */
export interface SuspectValue {
  /** Where it sits: "call 12 request", "request 3 response body". */
  where: string;
  /** The name it sits under, when there is one. */
  name: string | null;
  /** Its first characters and length, never the value itself. */
  hint: string;
}

export interface RedactOptions {
  /** Sensitive words (see names.ts); the default list when absent. */
  keys?: readonly string[];
  /** Header names whose values stay readable (lower case; `x-b3-*` style prefixes allowed). */
  safeHeaders?: readonly string[];
  /** Also remove long opaque values under names the rules do not know (the preview's "remove these too"). */
  removeOpaque?: boolean;
}

/** One redaction run: its rules, and what it removed or kept so far. */
export interface RedactionPass extends NameRules {
  keys: string[];
  safeHeaders: string[];
  removeOpaque: boolean;
  counts: RedactionTally;
  /** Credential formats found in text, by format ("GitHub token": 2). */
  formats: Map<string, number>;
  /** Distinct JWTs whose signature was removed (counted once each). */
  signatures: Set<string>;
  /** Opaque values kept (the first MAX_SUSPECTS), and how many in all. */
  suspects: SuspectValue[];
  suspectCount: number;
  /** Where the walk is (set by the trace walk, for suspects; told in words only when a suspect is kept). */
  where: WalkPlace;
  /** Strings found clean (nothing removed, nothing suspect), by layer: a repeated string is not scanned again. */
  clean: Set<string>[];
  /** JWT payload segments whose claims were found clean: a trace repeats its tokens, each is decoded once. */
  cleanClaims: Set<string>;
  /** Claim sets read so far (each a decode, a parse and a walk): bounded per pass, see scan.ts. */
  claimsRead: number;
  /** Bumped on every change: lets a decoded layer be re-encoded only when something in it changed. */
  changes: number;
}

export const MAX_SUSPECTS = 200;

/** A place in a trace: "call 12 (invoke) request" is { item: 'call', index: 11, detail: 'invoke', part: 'request' }. */
export interface WalkPlace {
  item: string;
  index: number;
  detail: string;
  part: string;
}

/** Moves the walk to a place (fields set in place: the trace walk passes millions of places and keeps none). */
export function at(pass: RedactionPass, item: string, index: number, detail: string, part: string): void {
  const w = pass.where;
  w.item = item;
  w.index = index;
  w.detail = detail;
  w.part = part;
}

function placeText(w: WalkPlace): string {
  if (w.item === '') return w.part;
  return `${w.item} ${w.index + 1}${w.detail ? ` (${w.detail})` : ''}${w.part ? ` ${w.part}` : ''}`;
}

export function emptyCounts(): RedactionTally {
  return { jwtSignatures: 0, oauthTokens: 0, cookies: 0, authorization: 0, sensitiveKeys: 0, headers: 0, knownFormats: 0, urlCredentials: 0, privateKeys: 0, opaque: 0 };
}

export function newPass(keysOrOptions: readonly string[] | RedactOptions = {}): RedactionPass {
  const options: RedactOptions = Array.isArray(keysOrOptions) ? { keys: keysOrOptions as readonly string[] } : (keysOrOptions as RedactOptions);
  const keys = [...(options.keys ?? DEFAULT_SENSITIVE_KEYS)];
  return {
    ...nameRules(keys),
    keys,
    safeHeaders: (options.safeHeaders ?? DEFAULT_SAFE_HEADERS).map((h) => h.trim().toLowerCase()).filter(Boolean),
    removeOpaque: options.removeOpaque === true,
    counts: emptyCounts(),
    formats: new Map(),
    signatures: new Set(),
    suspects: [],
    suspectCount: 0,
    where: { item: '', index: 0, detail: '', part: '' },
    changes: 0,
    clean: [],
    cleanClaims: new Set(),
    claimsRead: 0,
  };
}

/** Counts one removal of a class. */
export function removed(pass: RedactionPass, kind: keyof RedactionTally, format?: string): void {
  pass.counts[kind]++;
  pass.changes++;
  if (format) pass.formats.set(format, (pass.formats.get(format) ?? 0) + 1);
}

export function suspect(pass: RedactionPass, name: string | null, value: string): void {
  pass.suspectCount++;
  if (pass.suspects.length < MAX_SUSPECTS) pass.suspects.push({ where: placeText(pass.where), name, hint: `${value.slice(0, 4)}… (${value.length} characters)` });
}
