/**
 * Planted secrets for the redaction suite: one value per class of credential a trace can carry, each with
 * the text it appears in (as real payloads, logs, URLs and errors spell it) and, when it has one, the name
 * it sits under. Formats follow the vendors' documented shapes (prefix, alphabet, length).
 */
export interface Planted {
  id: string;
  /** Which class of the issue it stands for. */
  kind: 'name' | 'url' | 'format' | 'jwt' | 'structure' | 'header';
  value: string;
  /** The value in context: what free text, a body or an error message would hold. */
  text: string;
  /** The key or header it sits under in structured places, when it has one. */
  name?: string;
}

/** Deterministic pseudo-random characters (a value must look like the real thing, and be the same every run). */
function chars(seed: number, length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let x = seed * 2654435761 % 4294967296;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const jwtPart = (value: unknown, pad = '') => b64url(pad + JSON.stringify(value));

const p = (id: string, kind: Planted['kind'], value: string, text: (v: string) => string, name?: string): Planted => ({ id, kind, value, text: text(value), ...(name ? { name } : {}) });

export const PLANTED: Planted[] = [
  // Values under sensitive names, as the names real payloads use.
  p('awsSecretAccessKey', 'name', `wJalr${chars(1, 35, B64)}`, (v) => `{"awsSecretAccessKey":"${v}"}`, 'awsSecretAccessKey'),
  p('secret_key', 'name', `sk-${chars(2, 30)}`, (v) => `secret_key=${v}`, 'secret_key'),
  p('passcode', 'name', `pc${chars(3, 10, '0123456789')}x`, (v) => `passcode: ${v}`, 'passcode'),
  p('apiKeyValue', 'name', chars(4, 32), (v) => `apiKeyValue="${v}"`, 'apiKeyValue'),
  p('privateKeyPem', 'name', `pem-${chars(5, 40)}`, (v) => `"privateKeyPem": "${v}"`, 'privateKeyPem'),
  p('hubSignature', 'header', chars(6, 64, '0123456789abcdef'), (v) => `X-Hub-Signature-256: sha256=${v}`, 'X-Hub-Signature-256'),
  p('db_password', 'name', `Pw!${chars(7, 16)}`, (v) => `db_password='${v}'`, 'db_password'),
  p('clientSecret', 'name', chars(8, 40), (v) => `clientSecret: "${v}"`, 'clientSecret'),
  p('sessionId', 'name', chars(9, 32, '0123456789abcdef'), (v) => `sessionId=${v}`, 'sessionId'),
  p('csrfToken', 'name', chars(10, 44), (v) => `"csrfToken":"${v}"`, 'csrfToken'),
  p('x-api-key', 'header', chars(11, 40), (v) => `x-api-key: ${v}`, 'x-api-key'),
  p('authToken', 'name', chars(12, 36), (v) => `authToken = "${v}"`, 'authToken'),
  p('webhookSecret', 'name', `whk${chars(13, 30)}`, (v) => `webhookSecret: '${v}'`, 'webhookSecret'),
  p('passphrase', 'name', `correct-horse-${chars(14, 12)}`, (v) => `passphrase=${v}`, 'passphrase'),
  p('bearerToken', 'name', chars(15, 48), (v) => `{\\"bearerToken\\":\\"${v}\\"}`, 'bearerToken'),
  p('signing_key', 'name', chars(16, 44), (v) => `signing_key: ${v}`, 'signing_key'),
  p('ACCESS_KEY', 'name', chars(17, 20, UPPER_DIGITS), (v) => `ACCESS_KEY=${v}`, 'ACCESS_KEY'),
  p('credentials', 'name', `cred-${chars(18, 24)}`, (v) => `credentials: ${v}`, 'credentials'),
  // Credentials in URLs: userinfo and signed-URL or OAuth parameters.
  p('userinfo', 'url', `pw${chars(19, 18)}`, (v) => `https://ann:${v}@jira.example.test/rest/api/3/myself`),
  p('sig', 'url', chars(20, 43, B64).replace(/[+/]/g, 'Q'), (v) => `https://store.blob.test/f.txt?sv=2020-08-04&sig=${v}&se=2030-01-01`),
  p('key', 'url', `AIzb${chars(21, 35)}`, (v) => `https://maps.example.test/api/js?key=${v}&q=Sydney`),
  p('code', 'url', chars(22, 30), (v) => `https://app.example.test/callback?code=${v}&state=keep-state`),
  p('X-Amz-Signature', 'url', chars(23, 64, '0123456789abcdef'), (v) => `https://b.s3.test/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${v}`),
  p('X-Amz-Credential', 'url', `AKID${chars(24, 16, UPPER_DIGITS)}`, (v) => `https://b.s3.test/o?X-Amz-Credential=${v}%2F20261202%2Fus-east-1%2Fs3%2Faws4_request`),
  p('X-Amz-Security-Token', 'url', chars(25, 120), (v) => `https://b.s3.test/o?X-Amz-Security-Token=${v}&X-Amz-Expires=300`),
  p('access_token', 'url', chars(26, 40), (v) => `https://app.example.test/#access_token=${v}&token_type=bearer`),
  p('id_token', 'url', chars(27, 40), (v) => `https://app.example.test/cb?id_token=${v}`),
  p('refresh_token', 'url', chars(28, 40), (v) => `grant_type=refresh_token&refresh_token=${v}`),
  p('client_secret', 'url', chars(29, 40), (v) => `grant_type=client_credentials&client_id=app&client_secret=${v}`),
  p('token', 'url', chars(30, 32), (v) => `https://files.example.test/download?token=${v}`),
  // Known credential formats in free text.
  p('atlassian', 'format', `ATATT3xFfGF0${chars(31, 180, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}=${chars(31, 8, 'ABCDEF0123456789')}`, (v) => `use ${v} for the REST API`),
  p('ghp', 'format', `ghp_${chars(32, 36)}`, (v) => `git clone https://x:@github.test/r (token ${v})`),
  // Cut short or mistyped (35 characters after the prefix, not GitHub's 36): still a credential.
  p('ghpShort', 'format', `ghp_${chars(42, 30)}`, (v) => `token was ${v} in the log`),
  p('atattShort', 'format', `ATATT${chars(43, 30)}`, (v) => `api token ${v}`),
  p('gho', 'format', `gho_${chars(33, 36)}`, (v) => `oauth said ${v}.`),
  p('github_pat', 'format', `github_pat_${chars(34, 22)}_${chars(34, 59)}`, (v) => `pat is ${v}`),
  p('akia', 'format', `AKIA${chars(35, 16, UPPER_DIGITS)}`, (v) => `aws configure set id ${v}`),
  p('asia', 'format', `ASIA${chars(36, 16, UPPER_DIGITS)}`, (v) => `temporary ${v} issued`),
  p('awsSession', 'format', `IQoJb3JpZ2luX2VjE${chars(37, 300, B64)}`, (v) => `session ${v} `),
  p('xoxb', 'format', `xoxb-${chars(38, 12, '0123456789')}-${chars(38, 13, '0123456789')}-${chars(38, 24)}`, (v) => `slack bot ${v}`),
  p('xoxp', 'format', `xoxp-${chars(39, 12, '0123456789')}-${chars(39, 24)}`, (v) => `user token ${v}`),
  p('aiza', 'format', `AIza${chars(40, 35, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`, (v) => `firebase apiKey ${v}`),
  p('ya29', 'format', `ya29.${chars(41, 120, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`, (v) => `google ${v}`),
  p('gocspx', 'format', `GOCSPX-${chars(42, 28)}`, (v) => `oauth client ${v}`),
  p('stripeLive', 'format', `sk_live_${chars(43, 24)}`, (v) => `stripe ${v}`),
  p('stripeRestricted', 'format', `rk_test_${chars(44, 24)}`, (v) => `restricted ${v}`),
  p('stripeWebhook', 'format', `whsec_${chars(45, 32)}`, (v) => `endpoint ${v}`),
  p('npm', 'format', `npm_${chars(46, 36)}`, (v) => `npm token ${v}`),
  p('glpat', 'format', `glpat-${chars(47, 20)}`, (v) => `gitlab ${v}`),
  p('pem', 'format', `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC${chars(48, 64, B64)}`, (v) => `-----BEGIN PRIVATE KEY-----\n${v}\n-----END PRIVATE KEY-----`),
  p('basic', 'format', b64(`ann:${chars(49, 16)}`), (v) => `proxy sent Basic ${v} upstream`),
  p('basicPassword', 'format', `bpw-${chars(50, 18)}`, (v) => `curl -H "Authorization: Basic ${b64(`bob:${v}`)}" x`),
  p('bearerOpaque', 'format', chars(51, 40), (v) => `retry with Bearer ${v} please`),
  // JWTs: the signature is the secret; claims stay readable.
  p('jwtSignature', 'jwt', chars(52, 43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (v) => `token ${jwtPart({ alg: 'RS256', kid: 'k1' })}.${jwtPart({ sub: 'planted-52', exp: 1 })}.${v} arrived`),
  p('jwtPayloadNotEyJ', 'jwt', chars(53, 43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (v) => `jwt=${jwtPart({ alg: 'HS256' })}.${jwtPart({ sub: 'planted-53' }, ' ')}.${v}`),
  p('jwtSpacedHeader', 'jwt', chars(54, 43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (v) => `(${jwtPart({ alg: 'ES256' }, '\n')}.${jwtPart({ sub: 'planted-54' })}.${v})`),
  p('jwe', 'jwt', chars(55, 60, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (v) => `${jwtPart({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.${chars(55, 40)}.${chars(56, 16)}.${v}.${chars(57, 22)}`),
  // Structure: multipart, GraphQL, JSON in strings, base64 of text.
  p('multipart', 'structure', `mp-${chars(56, 20)}`, (v) => `--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\n${v}\r\n--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nkeep\r\n--XyZ--`),
  p('graphqlInline', 'structure', `gi-${chars(57, 20)}`, (v) => `mutation { login(user: "ann", password: "${v}") { ok } }`),
  p('graphqlVariables', 'structure', `gv-${chars(58, 24)}`, (v) => JSON.stringify({ query: 'mutation($t: String!) { connect(token: $t) }', variables: { apiToken: v } })),
  p('jsonTwiceEscaped', 'structure', `j2-${chars(59, 20)}`, (v) => JSON.stringify(JSON.stringify({ password: v, keep: 'me' }))),
  p('jsonCutShort', 'structure', `jc-${chars(60, 20)}`, (v) => `{"data":{"secret":"${v}","more":"cut her`),
  p('base64Json', 'structure', `bj-${chars(61, 20)}`, (v) => `payload ${b64(JSON.stringify({ refresh_token: v, keep: 'me' }))} end`),
  p('base64urlForm', 'structure', `bf-${chars(62, 20)}`, (v) => `state=${b64url(`client_secret=${v}&x=1`)}`),
  p('keyEqualsQuoted', 'structure', `kq-${chars(63, 20)}`, (v) => `config key="${v}" loaded`),
  p('headersInJson', 'header', `hj-${chars(64, 24)}`, (v) => JSON.stringify({ headers: { 'X-Hub-Signature-256': v, 'Content-Type': 'application/json' } })),
  p('cookieText', 'header', chars(65, 32), (v) => `Cookie: JSESSIONID=${v}; theme=dark`),
  p('setCookieText', 'header', chars(66, 32), (v) => `Set-Cookie: sid=${v}; HttpOnly`),
  p('oauthHeaderText', 'header', chars(67, 40), (v) => `x-forge-oauth-system: ${v}`),
];

/** Values shown in context that redaction must keep (so the suite also fails when redaction removes everything). */
export const KEPT = ['keep-state', 'Sydney', 'planted-52', 'planted-53', 'planted-54', 'token_type=bearer', 'X-Amz-Expires=300', 'application/json'];
