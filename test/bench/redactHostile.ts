// Hostile texts for the redaction bench: each about `bytes` long, each built to make a backtracking
// scanner (or a careless linear one) take quadratic time.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, bytes);
}

function randomBase64(bytes: number): string {
  let x = 12345;
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = B64.charCodeAt(x % 64);
  }
  return new TextDecoder().decode(out);
}

/** JSON nested in strings `levels` deep (each level escapes the one inside), with a secret at each level. */
function deepJsonInStrings(levels: number): string {
  let inner: unknown = { password: 'deep-secret', note: 'x'.repeat(40) };
  for (let i = 0; i < levels; i++) inner = { level: i, data: JSON.stringify(inner), token: `t${i}` };
  return JSON.stringify(inner);
}

export function hostileTexts(bytes: number): [string, string][] {
  const deep = deepJsonInStrings(8);
  return [
    ['one run of eyJ', fill(bytes, () => 'eyJ')],
    ['eyJ runs split by dots', fill(bytes, (i) => (i % 1000 === 999 ? 'eyJ.' : 'eyJ'))],
    ['JWT-like headers then endless payloads', fill(bytes, (i) => (i % 2 === 0 ? 'eyJhbGciOiJIUzI1NiJ9.' : 'eyJ'.repeat(5000)))],
    ['long base64', randomBase64(bytes)],
    ['base64 of text, 64 KiB runs', fill(bytes, () => `${Buffer.from('{"password":"p","x":"' + 'y'.repeat(48_000) + '"}').toString('base64')} `)],
    ['deep JSON in strings, cut short', fill(bytes, () => deep).slice(0, bytes - 7)],
    ['separators: a=a=a, password:{password:{', fill(bytes, (i) => (i % 2 ? 'a=' : 'password:{'))],
    ['quotes and backslashes', fill(bytes, () => 'password\\\\\\":\\"')],
    ['form pairs a=b&', fill(bytes, () => 'a=b&')],
    ['form pairs with %-encoded values', fill(bytes, (i) => `k${i % 97}=%7B%22x%22%3A${i}%7D&`)],
    ['short JWT-like dots', fill(bytes, (i) => (i % 3 === 0 ? 'eyJhbGciOiJIUzI1NiJ9.' : 'eyJ.a.'))],
    ['JWT starts joined by - and _, few dots', fill(bytes, (i) => (i % 5000 === 4999 ? '.' : i % 2 ? '-eyJ' : '_eyJhbGciOiJIUzI1NiJ9'))],
    ['long words each ended by a dot, no eyJ', fill(bytes, (i) => `word${i}abcdefghijklmnop.`)],
    ['XML elements, secret and not, and stray angle brackets', fill(bytes, (i) => ['<password>p</password>', '<user>ann</user>', '<<<>>>', `<ns:apiKey>${i}</ns:apiKey>`, 'a > b'][i % 5]!)],
    ['a GraphQL request of 5 MB passing variables to arguments', JSON.stringify({ query: fill(bytes - 200, (i) => (i % 2 ? 'token: $t ' : `arg${i % 50}: $v${i % 50} `)), variables: { t: 'x', v1: 'y' } })],
    ['HTML attributes of escaped JSON, quotes unbalanced', fill(bytes, (i) => ['<a data-p="{&quot;password&quot;:&quot;p&quot;}">', '&quot;', '"', `&#34;k${i % 97}&#34;:`, '&quot;:&quot;'][i % 5]!)],
    ['pairs under distinct names, quoted and in forms', fill(bytes, (i) => (i % 2 ? `"k${i}":1,` : `f${i}=1&`))],
    ['distinct JWTs, each with its claims to read', fill(bytes, (i) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: `u${i}`, scope: 'read:jira-work', note: 'n'.repeat(40) })).toString('base64url')}.c2lnbmF0dXJl `)],
    ['joined JWT headers with dots', fill(bytes, (i) => (i % 2 ? 'x-eyJhbGciOiJIUzI1NiJ9.' : 'y_eyJhbGciOiJIUzI1NiJ9.eyJ.'))],
    ['JSON escaped twice, deep, in one string', JSON.stringify(JSON.stringify(fill(bytes / 4, (i) => `{"a${i % 7}":[{"b":"c\\"d"}],`)))],
    ['short words and numbers', fill(bytes, (i) => `${i} word${i % 13} `)],
    ['scheme words, URL schemes, PEM and multipart markers', fill(bytes, (i) => ['Basic ', 'Bearer ', '://', '-----BEGIN ', 'form-data\n', 'ghp_', 'ATATT', '%3D'][i % 8]!)],
  ];
}
