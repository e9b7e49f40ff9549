import { describe, expect, it } from 'vitest';
import { toMatchPattern } from '../../../src/settings/originPattern';

describe('toMatchPattern', () => {
  it.each([
    ['https://tunnel.example.com', 'https://tunnel.example.com/*'],
    ['https://tunnel.example.com/app/index.html?x=1', 'https://tunnel.example.com/*'],
    ['tunnel.example.com', 'https://tunnel.example.com/*'],
    ['localhost:3000', 'http://localhost/*'],
    ['http://127.0.0.2:9000', 'http://127.0.0.2/*'],
    ['  *.ngrok.app ', 'https://*.ngrok.app/*'],
    ['HTTP://Dev.Example.COM', 'http://dev.example.com/*'],
  ])('%s → %s', (input, pattern) => {
    expect(toMatchPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', /Type an origin/],
    ['<all_urls>', /All sites/],
    ['*://*/*', /wildcard/],
    ['https://*', /wildcard/],
    ['*.com', /top-level domain/],
    ['https://exa*mple.com', /wildcard/],
    ['https://bad_host!.com', /not a host name|not an origin/],
    ['localhost:70000', /out of range/],
    ['ftp://example.com', /not an origin/],
  ])('refuses %j with a reason', (input, reason) => {
    const result = toMatchPattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
