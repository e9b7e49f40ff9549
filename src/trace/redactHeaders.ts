import type { HeaderPair } from '../protocol/network';
import { BEARER_JWT, REDACTED, redactText, stripSignatures, type RedactionPass } from './redactText';

const OAUTH = new Set(['x-forge-oauth-system', 'x-forge-oauth-user']);
const COOKIES = new Set(['cookie', 'set-cookie']);
const AUTHORIZATION = new Set(['authorization', 'proxy-authorization']);

/** Whether a header name has a rule of its own (the same names as payload keys: invokeRemote headers, fetch init). */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return OAUTH.has(lower) || COOKIES.has(lower) || AUTHORIZATION.has(lower);
}

/**
 * A credential header's value, redacted: OAuth tokens and cookies replaced whole; Authorization keeps a
 * JWT bearer's claims (signature stripped) and otherwise its scheme ("Basic [redacted]"). Any other header's
 * value is redacted as text.
 */
export function redactHeaderValue(name: string, value: string, pass: RedactionPass): string {
  const lower = name.toLowerCase();
  if (OAUTH.has(lower)) {
    pass.counts.oauthTokens++;
    return REDACTED;
  }
  if (COOKIES.has(lower)) {
    pass.counts.cookies++;
    return REDACTED;
  }
  if (AUTHORIZATION.has(lower)) {
    if (BEARER_JWT.test(value.trim())) return stripSignatures(value, pass);
    pass.counts.authorization++;
    const scheme = /^(\S+)\s+\S/.exec(value.trim())?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  }
  return redactText(value, pass);
}

export function redactHeaders(headers: readonly HeaderPair[], pass: RedactionPass): HeaderPair[] {
  return headers.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value, pass) }));
}
