import { describe, expect, it } from 'vitest';
import { LOSS_CAUSES, type FrameRecord } from '../../../src/protocol';
import { diagnoseText } from '../../../src/ui/diagnoseText';

const frame = (over: Partial<FrameRecord>): FrameRecord => ({
  key: '1:d', frameId: 1, docId: 'd', url: 'https://59n3u0-x.cdn.prod.atlassian-dev.net/app/env/dep/main/_ctx_x/index.html', isTop: false, parentUrl: '', firstSeenAt: 1,
  hookReady: true, bridge: { semver: '1.15.3', frozen: false, via: 'trap' }, transport: 'post-robot', segment: 0, ...over,
});

describe('Diagnose marks each frame', () => {
  it('✓ when the hook ran and caught the bridge, ✗ when either is missing', () => {
    const text = diagnoseText({ frames: [frame({}), frame({ key: '2:d', bridge: null }), frame({ key: '3:d', hookReady: false })], networkFeed: 'on', pageFrameUrls: null, coveredOrigins: [], extensionVersion: '1', browser: null, storage: 'persistent', losses: Object.fromEntries(LOSS_CAUSES.map((c) => [c, 0])) } as never);
    const marks = text.split('\n').filter((l) => /^[✓✗] /.test(l)).map((l) => l[0]);
    expect(marks).toEqual(['✓', '✗', '✗']);
  });
});

describe('Diagnose text, for pasting into an issue', () => {
  it('keeps no token a frame URL carries: a Connect iframe JWT, an access token; hosts and paths stay', () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const connectJwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'connect-app', qsh: 'abc' })}.connectSignature0123456789abcdefXYZ`;
    const connect = `https://connect-app.example.com/panel?xdm_e=https%3A%2F%2Fsite.atlassian.net&jwt=${connectJwt}`;
    const tokened = 'https://59n3u0-x.cdn.prod.atlassian-dev.net/app/index.html?access_token=frameAccessToken9876';
    const text = diagnoseText({ frames: [frame({ url: tokened })], networkFeed: 'on', pageFrameUrls: [tokened, connect], coveredOrigins: ['https://*.atlassian-dev.net/*'], extensionVersion: '1', browser: null, storage: 'persistent', losses: Object.fromEntries(LOSS_CAUSES.map((c) => [c, 0])) } as never);
    expect(text).not.toContain('connectSignature0123456789abcdefXYZ');
    expect(text).not.toContain('frameAccessToken9876');
    expect(text).toContain('https://connect-app.example.com/panel?');
    expect(text).toContain('https://59n3u0-x.cdn.prod.atlassian-dev.net/app/index.html?access_token=');
  });
});
