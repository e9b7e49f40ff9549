/** Payload keys whose values redaction masks by default. */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'secret', 'clientSecret', 'token', 'accessToken', 'refreshToken', 'idToken',
  'apiKey', 'api_key', 'privateKey', 'authorization', 'cookie', 'sessionId', 'credentials', 'pin', 'otp',
];

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/**
 * Whether a key names a secret: case and `-`/`_` are ignored, and a key that ends with a listed word
 * matches it ("authToken", "db_password"); "tokenCount" does not.
 */
export function sensitiveKeyMatcher(keys: readonly string[]): (key: string) => boolean {
  const words = keys.map(normalize).filter(Boolean);
  return (key) => {
    const k = normalize(key);
    return words.some((w) => k === w || k.endsWith(w));
  };
}
