import { describe, expect, it } from 'vitest';
import type { TraceV2 } from '../../../src/protocol/model';
import { decodeJwt } from '../../../src/tokens';
import { nameRules } from '../../../src/redact';
import { DEFAULT_SENSITIVE_KEYS, previewRedaction, REDACTED, REDACTED_SIGNATURE, redactTrace, redactWithReport, toHar } from '../../../src/trace';
import { plantedEverywhereTrace, SECRETS } from './fixtures';

/** The text, plus what every base64 or base64url run in it decodes to (bodies and attachments are base64). */
function withDecodedRuns(text: string): string {
  const runs = text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? [];
  return [text, ...runs.flatMap((run) => [Buffer.from(run, 'base64').toString('latin1'), Buffer.from(run, 'base64url').toString('latin1')])].join('\n');
}

/** Every way the exports could spell a value. */
function encodings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

const exportsOf = (trace: TraceV2) => [JSON.stringify(trace), JSON.stringify(toHar(trace))].map(withDecodedRuns);

describe('redaction (on by default)', () => {
  it('the fixture really carries every planted secret', () => {
    const [json, har] = exportsOf(plantedEverywhereTrace());
    for (const secret of Object.values(SECRETS)) {
      expect(json!.includes(secret), secret).toBe(true);
      expect(har!.includes(secret), secret).toBe(true);
    }
  });

  it('removes every planted secret from the JSON trace and its HAR, in every encoding', () => {
    for (const text of exportsOf(redactTrace(plantedEverywhereTrace()))) {
      for (const secret of Object.values(SECRETS)) {
        for (const form of encodings(secret)) expect(text.includes(form), `${secret} as ${form}`).toBe(false);
      }
    }
  });

  it('keeps what a reader needs: token claims, schemes, non-secret payload, headers and query values', () => {
    const redacted = redactTrace(plantedEverywhereTrace());
    const fit = redacted.tokens.find((t) => t.type === 'FIT' && decodeJwt(t.jwt).ok && (decodeJwt(t.jwt) as { claims: { jti?: unknown } }).claims.jti === 'f'.repeat(40))!;
    expect(fit.jwt.endsWith(`.${REDACTED_SIGNATURE}`)).toBe(true);
    expect(decodeJwt(fit.jwt)).toMatchObject({ ok: true, claims: { iss: 'forge/invocation-token', jti: 'f'.repeat(40) } });
    const [json] = exportsOf(redacted);
    for (const kept of ['keep me', 'page=2', 'keep-trace-id', 'keep row', 'keep-state', 'keepFunction', 'report.json', 'Basic [redacted]']) expect(json, kept).toContain(kept);
    const cut = redacted.network.find((e) => e.bodyTruncated)!.responseBody!;
    expect(cut).toContain('"password":"[redacted]","title":"keep row"');
    expect(cut).toContain('\\"apiKey\\":\\"[redacted]\\",\\"name\\":\\"keep');
    const base64 = redacted.network.find((e) => e.responseBodyEncoding === 'base64')!;
    expect(JSON.parse(Buffer.from(base64.responseBody!, 'base64').toString())).toEqual({ token: REDACTED, note: 'keep me' });
    expect(redacted.network.find((e) => e.category === 'product')!.requestHeaders[0]).toEqual({ name: 'Authorization', value: `Basic ${REDACTED}` });
    const delivery = redacted.calls.find((c) => c.command === 'on')!.deliveries[0]!.args.value as [{ note: string }];
    const eventJwt = /eyJ\S+/.exec(delivery[0].note)![0];
    expect(eventJwt.endsWith(`.${REDACTED_SIGNATURE}`)).toBe(true);
    expect(decodeJwt(eventJwt)).toMatchObject({ ok: true, claims: { sub: 'event' } });
    const pairs = redacted.calls.find((c) => c.summary.includes('/files/1'))!.request.value as { fetchRequestInit: { headers: string[][] } };
    expect(pairs.fetchRequestInit.headers).toEqual([['X-Api-Key', REDACTED], ['Accept', 'application/json']]);
  });

  it('counts what it removes by kind, before saving, and leaves the input untouched', () => {
    const trace = plantedEverywhereTrace();
    const before = JSON.stringify(trace);
    const { counts } = previewRedaction(trace);
    // Three JWTs: the FIT the mint returned, the planted one the request carried, the one in the event.
    // Authorization: the product request's Basic and the invokeRemote payload's Basic.
    expect(counts).toMatchObject({ jwtSignatures: 3, oauthTokens: 2, cookies: 2, authorization: 2 });
    expect(counts.sensitiveKeys).toBeGreaterThanOrEqual(Object.keys(SECRETS).length - 7);
    expect(JSON.stringify(trace)).toBe(before);
    expect(redactTrace(trace).redaction).toEqual({ keys: [...DEFAULT_SENSITIVE_KEYS], counts });
  });

  it('gives the copy it saves and the report it shows from one pass: the same as redactTrace and previewRedaction apart', () => {
    const trace = plantedEverywhereTrace();
    for (const options of [{}, { keys: [] }, { removeOpaque: true, safeHeaders: ['accept'] }]) {
      const { trace: copy, report } = redactWithReport(trace, options);
      expect(copy).toEqual(redactTrace(trace, options));
      expect(report).toEqual(previewRedaction(trace, options));
      expect(copy.redaction!.counts).toEqual(report.counts);
      expect(JSON.stringify(copy)).not.toContain(SECRETS.fitSignature);
    }
    expect(JSON.stringify(redactWithReport(trace).trace)).not.toContain(SECRETS.password);
  });

  it('masks by the keys given: none masks no payload value, yet credentials and signatures still go', () => {
    const redacted = redactTrace(plantedEverywhereTrace(), { keys: [] });
    expect(redacted.redaction!.counts).toMatchObject({ sensitiveKeys: 0, jwtSignatures: 3, oauthTokens: 2, cookies: 2 });
    expect(JSON.stringify(redacted)).toContain(SECRETS.password);
    expect(JSON.stringify(redacted)).not.toContain(SECRETS.fitSignature);
  });

  it('is idempotent: a redacted trace redacts to itself and counts nothing new', () => {
    const once = redactTrace(plantedEverywhereTrace());
    const twice = redactTrace(once);
    expect(twice.calls).toEqual(once.calls);
    expect(twice.network).toEqual(once.network);
    expect(twice.redaction!.counts).toMatchObject({ jwtSignatures: 0, sensitiveKeys: 0 });
  });
});

describe('sensitive names', () => {
  const { isSensitive, isSensitiveParam } = nameRules(DEFAULT_SENSITIVE_KEYS);

  it('ignore case and separators, and match a name that contains a word anywhere', () => {
    for (const key of ['password', 'PASSWORD', 'api-key', 'API_KEY', 'apiKey', 'authToken', 'db_password', 'X-Amz-Signature', 'client secret', 'JSESSIONID', 'session', 'awsSecretAccessKey', 'secret_key', 'passcode', 'apiKeyValue', 'privateKeyPem', 'X-Hub-Signature-256', 'passwordPolicy', 'sessionStart']) expect(isSensitive(key), key).toBe(true);
  });

  it('keep the known-harmless names and names without a word', () => {
    for (const key of ['contextToken', 'expiresAt', 'tokenCount', 'tokenExpiry', 'author', 'authorAccountId', 'title', 'page', 'functionKey', 'mapping', 'inside', 'code', 'key']) expect(isSensitive(key), key).toBe(false);
  });

  it('judge 11,000 distinct names alike past the memo (10,000), in every word list a user may type', () => {
    const words = [...DEFAULT_SENSITIVE_KEYS, 'My-Word', 'x'];
    const rules = nameRules(words);
    const pieces = ['pass', 'Word', 'my_word', 'token', 'Type', 'author', 'x', 'k', '-', '_', 'SID', 'count', 'é'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 11_000; n++) {
      const name = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pieces[Math.floor(rand() * pieces.length)]).join('') + (n % 3 === 0 ? String(n) : '');
      const normal = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      // The rule as written in names.ts's comment: contains a word (or is one of the whole-name-only ones), and is not harmless.
      const expected = normal !== '' && (['otp', 'pin', 'sid', 'salt', 'pass', 'pwd'].includes(normal) || words.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((w) => w && !['otp', 'pin', 'sid', 'salt', 'pass', 'pwd'].includes(w)).some((w) => normal.includes(w))) && !rules.isHarmless(name);
      expect(rules.isSensitive(name), name).toBe(expected);
    }
  });

  it('in query strings and forms, also the signed-URL and OAuth parameters', () => {
    for (const key of ['sig', 'code', 'key', 'token', 'access_token', 'id_token', 'refresh_token', 'client_secret', 'X-Amz-Credential', 'X-Amz-Security-Token']) expect(isSensitiveParam(key), key).toBe(true);
    for (const key of ['page', 'state', 'q', 'sv', 'X-Amz-Expires']) expect(isSensitiveParam(key), key).toBe(false);
  });
});
