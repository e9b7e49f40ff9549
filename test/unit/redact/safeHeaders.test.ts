import { describe, expect, it } from 'vitest';
import { newPass, REDACTED, redactHeaders } from '../../../src/redact';
import { DEFAULT_SAFE_HEADERS, parseSafeHeaderList, readSafeHeaders } from '../../../src/settings/safeHeaders';

const headers = [
  { name: 'Content-Type', value: 'application/json' },
  { name: 'X-My-Request-Id', value: 'req-4711-abc' },
  { name: 'X-Api-Key', value: 'k_9f8e7d6c5b4a39281706' },
  { name: 'X-Hub-Signature-256', value: 'sha256=1f2e3d4c5b6a79880123456789abcdef' },
  { name: 'X-Session-Id', value: 'sess-77aa88bb99cc' },
];
const valueOf = (list: { name: string; value: string }[], name: string) => list.find((h) => h.name === name)!.value;

describe('the safe-header setting', () => {
  it('keeps the value of a name the user added, and only then', () => {
    const withDefaults = redactHeaders(headers, newPass({ safeHeaders: readSafeHeaders(undefined) }));
    expect(valueOf(withDefaults, 'Content-Type')).toBe('application/json');
    expect(valueOf(withDefaults, 'X-My-Request-Id')).toBe(REDACTED);
    const added = redactHeaders(headers, newPass({ safeHeaders: readSafeHeaders(['X-My-Request-Id']) }));
    expect(valueOf(added, 'X-My-Request-Id')).toBe('req-4711-abc');
    const byPrefix = redactHeaders(headers, newPass({ safeHeaders: readSafeHeaders(['x-my-*']) }));
    expect(valueOf(byPrefix, 'X-My-Request-Id')).toBe('req-4711-abc');
  });

  it('cannot make a sensitive-looking header readable: listed by name or covered by a prefix, its value still goes', () => {
    // Straight into the redaction options, past the Settings parser: the redaction itself refuses.
    const pass = newPass({ safeHeaders: [...DEFAULT_SAFE_HEADERS, 'x-api-key', 'x-hub-signature-256', 'x-session-id', 'x-*'] });
    const out = redactHeaders(headers, pass);
    for (const name of ['X-Api-Key', 'X-Hub-Signature-256', 'X-Session-Id']) expect(valueOf(out, name)).toBe(REDACTED);
    expect(valueOf(out, 'X-My-Request-Id')).toBe('req-4711-abc');
    expect(JSON.stringify(out)).not.toContain('k_9f8e7d6c5b4a39281706');
  });

  it('Settings refuses a sensitive-looking name or a catch-all with the reason, and takes the rest', () => {
    const { added, refused } = parseSafeHeaderList('x-my-request-id, X-RateLimit-*\nx-api-key x-auth-user * x* content-type bad/name');
    expect(added).toEqual(['x-my-request-id', 'x-ratelimit-*']);
    expect(refused.map((r) => r.input)).toEqual(['x-api-key', 'x-auth-user', '*', 'x*', 'bad/name']);
    expect(refused[0]!.reason).toMatch(/stays redacted/);
    expect(refused[2]!.reason).toMatch(/almost every header/);
    expect(refused[3]!.reason).toMatch(/almost every header/);
  });

  it('drops from storage what Settings would refuse (an old or hand-edited list)', () => {
    const list = readSafeHeaders(['x-my-request-id', 'x-secret-thing', 42, '*', 'x-csrf-token']);
    expect(list).toContain('x-my-request-id');
    for (const name of ['x-secret-thing', '*', 'x-csrf-token']) expect(list).not.toContain(name);
    expect(list.slice(0, DEFAULT_SAFE_HEADERS.length)).toEqual([...DEFAULT_SAFE_HEADERS]);
  });
});
