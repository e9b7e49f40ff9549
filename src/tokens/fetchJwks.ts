/**
 * Fetches a key set as JSON: no cookies, no cache, and at most `timeoutMs` (an export must not hang on a
 * network that does not answer). Only ever given a URL the verifier chose (see verifyToken).
 */
export async function fetchJwksJson(url: string, timeoutMs = 5000): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
