import type { HeaderPair } from '../protocol/network';
import { isSafeHeader } from '../settings/safeHeaders';
import { jwtAt } from './jwt';
import { credentialHeaderKind } from './names';
import { REDACTED, removed, type RedactionPass } from './pass';
import { redactString } from './text';

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
  return headers.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value, pass) }));
}
