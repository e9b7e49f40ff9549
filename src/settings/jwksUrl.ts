/**
 * A JWKS URL a user trusts for verifying Forge tokens (the sandbox's, a staging or custom environment's).
 * HTTPS, except on the loopback host; no credentials in it. Returns the normalized URL and the match
 * pattern the extension needs to fetch it.
 */
export type JwksUrlResult = { ok: true; url: string; origin: string; pattern: string } | { ok: false; reason: string };

export const TRUSTED_JWKS_KEY = 'trustedJwksUrls';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export function parseJwksUrl(input: string): JwksUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Type the JWKS URL, for example http://localhost:8000/.well-known/jwks.json.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `“${text}” is not a URL.` };
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, reason: 'A JWKS URL must use https (http only on localhost or 127.0.0.1).' };
  }
  if (url.username || url.password) return { ok: false, reason: 'A JWKS URL must not carry a user name or password.' };
  url.hash = '';
  return { ok: true, url: url.href, origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}

/** The stored list, whatever storage held: only strings that still parse. */
export function readTrustedJwksUrls(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((value) => {
    if (typeof value !== 'string') return [];
    const parsed = parseJwksUrl(value);
    return parsed.ok ? [parsed.url] : [];
  });
}
