import { describe, expect, it } from 'vitest';
import { parseJwksUrl, readTrustedJwksUrls } from '../../../src/settings/jwksUrl';

describe('parseJwksUrl', () => {
  it('accepts https anywhere and http on loopback, with the pattern to fetch it', () => {
    expect(parseJwksUrl(' https://forge.cdn.stg.atlassian-dev.net/.well-known/jwks.json#x ')).toEqual({
      ok: true,
      url: 'https://forge.cdn.stg.atlassian-dev.net/.well-known/jwks.json',
      origin: 'https://forge.cdn.stg.atlassian-dev.net',
      pattern: 'https://forge.cdn.stg.atlassian-dev.net/*',
    });
    expect(parseJwksUrl('http://localhost:39705/.well-known/jwks.json')).toMatchObject({ ok: true, pattern: 'http://localhost/*' });
    expect(parseJwksUrl('http://127.0.0.1:8000/jwks')).toMatchObject({ ok: true, origin: 'http://127.0.0.1:8000' });
  });

  it('refuses plain http off loopback, credentials, other schemes and non-URLs, saying why', () => {
    expect(parseJwksUrl('http://keys.example.com/jwks.json')).toEqual({ ok: false, reason: 'A JWKS URL must use https (http only on localhost or 127.0.0.1).' });
    expect(parseJwksUrl('https://u:p@keys.example.com/jwks.json')).toMatchObject({ ok: false, reason: expect.stringContaining('user name or password') });
    expect(parseJwksUrl('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(parseJwksUrl('jwks please')).toMatchObject({ ok: false, reason: '“jwks please” is not a URL.' });
    expect(parseJwksUrl('')).toMatchObject({ ok: false, reason: expect.stringContaining('Type the JWKS URL') });
  });

  it('reads back only valid strings from storage', () => {
    expect(readTrustedJwksUrls(['http://localhost:1/j', 42, 'http://evil.example/j', null])).toEqual(['http://localhost:1/j']);
    expect(readTrustedJwksUrls('not a list')).toEqual([]);
  });
});
