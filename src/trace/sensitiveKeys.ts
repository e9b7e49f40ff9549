/**
 * Payload keys whose values redaction masks by default. The rule, for these and for any list the user
 * gives: case, `-`, `_` and spaces are ignored, and a key matches a listed word when it is that word or ends
 * with it. So "API-Key", "api_key" and "apiKey" are one word, "authToken", "x-amz-signature" and "db_password"
 * match (ending in "token", "signature", "password"); "tokenCount" and "sessionStart" do not.
 */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'secret', 'clientSecret', 'token', 'accessToken', 'refreshToken', 'idToken',
  'apiKey', 'api_key', 'privateKey', 'authorization', 'cookie', 'session', 'sessionId', 'credential', 'credentials',
  'signature', 'pin', 'otp',
];

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** Whether a key names a secret, by the rule above (memoized: payloads repeat their keys). */
export function sensitiveKeyMatcher(keys: readonly string[]): (key: string) => boolean {
  const words = keys.map(normalize).filter(Boolean);
  const known = new Map<string, boolean>();
  return (key) => {
    let hit = known.get(key);
    if (hit === undefined) {
      const k = normalize(key);
      hit = words.some((w) => k.endsWith(w));
      if (known.size < 10_000) known.set(key, hit);
    }
    return hit;
  };
}
