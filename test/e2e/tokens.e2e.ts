import { describe, expect, it } from 'vitest';
import { trustJwksUrls } from '../../scripts/lib/driver';
import type { Sandbox } from '../sandbox';
import { openCallTab, useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

let session: DevtoolsSession;
let sandbox: Sandbox;

// What a user does in Settings → Trusted JWKS URLs (the options page has its own test).
useDevtoolsSession('?modules=issue-panel', (s, sb) => ((session = s), (sandbox = sb)), { before: (chromium, sandbox) => trustJwksUrls(chromium, [sandbox.jwksUrl]) });

const text = (selector: string) => session.panel.$eval(selector, (el) => (el as HTMLElement).innerText);

describe('tokens and the network in the panel (real DevTools, Chromium, Forge sandbox)', () => {
  it('a requestRemote call shows its FIT verified against the trusted sandbox JWKS, its expiry, and its phases', async () => {
    expect(await session.run('requestRemote')).toMatchObject({ ok: true });
    await openCallTab(session.panel, 'fetchRemote', 'Token');
    await session.panel.waitForFunction(() => !/verifying/.test(document.querySelector('section[aria-label="FIT token"] [data-testid="verification"]')?.textContent ?? 'verifying'), { timeout: 15_000 });
    expect(await text('section[aria-label="FIT token"] [data-testid="verification"]')).toContain(`signature valid (${sandbox.jwksUrl})`);
    // The token the call carried comes first once the call is matched to its request (a live tab's matches may be
    // up to 250 ms behind the list; the relay gathers a busy page's events for up to 250 ms): until then the FCT
    // the frame's context brought may stand first.
    await session.panel.waitForFunction(() => document.querySelector('.token h3')?.textContent === 'Forge Invocation Token (FIT)', { timeout: 5_000 }).catch(() => undefined);
    expect(await text('.token h3')).toBe('Forge Invocation Token (FIT)');
    expect(await text('section[aria-label="FIT token"] [data-testid="countdown"]')).toMatch(/^(expires in|expired) [\d.]+ s/);
    expect(await text('.warnings')).toContain('This FIT carries no app.license claim, which is expected');
    await openCallTab(session.panel, 'fetchRemote', 'Timing');
    // The request's phases show once the request is matched; bridge back needs the call's end too, which comes
    // through the hook and relay (gathered for tens of ms) and can reach the panel after the request does.
    await session.panel.waitForSelector('[data-phase="bridge-back"]', { timeout: 15_000 });
    expect(await session.panel.$$eval('[data-phase]', (rows) => rows.map((r) => r.getAttribute('data-phase')))).toEqual(expect.arrayContaining(['bridge-out', 'wait', 'bridge-back']));
  });

  it('an invokeRemote call shows its GraphQL request, its FCT and the platform overhead', async () => {
    expect(await session.run('invokeRemote')).toMatchObject({ ok: true });
    await openCallTab(session.panel, 'invoke', 'Timing', /invokeRemote/);
    await session.panel.waitForSelector('[data-testid="platform-overhead"]', { timeout: 15_000 });
    expect(await text('[data-testid="platform-overhead"]')).toMatch(/The platform reported [\d.]+ ms in the app \(metrics\.appTimeMs\); the rest of the GraphQL wait, [\d.]+ ms, is Forge's own overhead\./);
    await openCallTab(session.panel, 'invoke', 'Token', /invokeRemote/);
    await session.panel.waitForSelector('.token h3');
    // Tokens come with the tab's derivation, which may be a little behind the call (see the test above).
    await session.panel.waitForFunction(() => [...document.querySelectorAll('.token h3')].some((h) => h.textContent === 'Forge Context Token (FCT)'), { timeout: 5_000 }).catch(() => undefined);
    expect(await session.panel.$$eval('.token h3', (hs) => hs.map((h) => h.textContent))).toContain('Forge Context Token (FCT)');
  });

  it('the sandbox\'s clock-skew and expired-token knobs raise the matching warnings', async () => {
    sandbox.setKnobs({ clockSkewSec: 30 });
    // The host caches FITs per page: a reload makes it mint a new one with the skewed clock.
    await session.site.reload();
    expect(await session.run('requestRemote')).toMatchObject({ ok: true });
    await openCallTab(session.panel, 'fetchRemote', 'Token');
    await session.panel.waitForSelector('.warnings [data-code="clock-skew-iat"]', { timeout: 15_000 });
    const skew = await session.panel.$$eval('.warnings [data-code="clock-skew-iat"]', (items) => items.map((i) => i.textContent ?? ''));
    expect(skew.some((w) => /^This FIT was issued \(iat\) (29|3\d)\.\d s ahead of this browser's clock/.test(w)), skew.join(' | ')).toBe(true);

    sandbox.setKnobs({ clockSkewSec: 0, faults: { expiredFit: 1 } });
    await session.site.reload();
    await session.run('requestRemote');
    await openCallTab(session.panel, 'fetchRemote', 'Token');
    await session.panel.waitForSelector('.warnings [data-code="expired-at-use"]', { timeout: 15_000 });
    expect(await text('.warnings [data-code="expired-at-use"]')).toMatch(/^This FIT was used [\d.]+ s after it expired, so the remote should refuse it\.$/);
    await session.panel.waitForFunction(() => /invalid: expired at/.test(document.querySelector('section[aria-label="FIT token"] [data-testid="verification"]')?.textContent ?? ''), { timeout: 15_000 });
  });
});
