import { describe, expect, it } from 'vitest';
import type { CallRecord, FrameRecord, TabSession } from '../../../src/protocol/model';
import { noLosses } from '../../../src/protocol/losses';
import { LIMITS } from '../../../src/protocol/limits';
import { exportTraceV1 } from '../../../src/trace/exportV1';

const frame: FrameRecord = {
  key: '3:doc',
  frameId: 3,
  docId: 'doc',
  url: 'https://app.cdn.prod.atlassian-dev.net/index.html',
  isTop: false,
  parentUrl: 'https://site.atlassian.net/jira',
  firstSeenAt: 100,
  hookReady: true,
  bridge: { semver: '3.0.0', frozen: false, via: 'trap' },
  transport: 'post-robot',
  segment: 0,
};

function call(over: Partial<CallRecord>): CallRecord {
  return {
    id: '3:doc#1',
    frameKey: '3:doc',
    callId: 1,
    segment: 0,
    command: 'invoke',
    kind: 'resolver',
    summary: 'invoke getText',
    startedAt: 1000,
    endedAt: 1250.5,
    status: 'ok',
    request: { value: { functionKey: 'getText' }, bytes: 26, truncated: false },
    response: { value: 'hello', bytes: 7, truncated: false },
    error: null,
    deliveries: [],
    deliveriesDropped: 0,
    ...over,
  };
}

const session: TabSession = {
  tabId: 12,
  segments: [{ index: 0, startedAt: 90, url: 'https://site.atlassian.net/jira' }],
  frames: [frame],
  calls: [
    call({}),
    call({
      id: '3:doc#2',
      callId: 2,
      status: 'error',
      response: { value: 'never shown', bytes: 13, truncated: false },
      error: { value: { $fbdt: 'error', text: 'boom' }, bytes: 30, truncated: false },
    }),
    call({ id: '3:doc#3', callId: 3, status: 'pending', endedAt: null, response: null, deliveries: [{ seq: 1, at: 1100, key: 'callback', args: { value: [1], bytes: 3, truncated: false } }] }),
    call({ id: '9:gone#4', frameKey: '9:gone', callId: 4, command: '', kind: 'other', summary: '', startedAt: 2000, endedAt: 2000, status: 'ok' }),
  ],
  losses: { ...noLosses(), evictedCalls: 17, inTransit: 2, rejected: 1 },
  recording: true,
  preserveLog: false,
  maxCalls: 10_000, network: [], networkFeed: 'off', storage: 'persistent', bytes: 0, maxBytes: LIMITS.defaultMaxBytesPerTab,
};

describe('exportTraceV1', () => {
  const trace = exportTraceV1(session, { extensionVersion: '0.1.0', now: 1_700_000_000_000 });

  it('has the trace header', () => {
    expect(trace.format).toBe('forge-bridge-trace');
    expect(trace.version).toBe(1);
    expect(trace.exportedAt).toBe(1_700_000_000_000);
    expect(trace.tabId).toBe(12);
    expect(trace.extension).toEqual({ version: '0.1.0' });
    expect(trace.dropped).toBe(17);
    expect(trace.frames).toEqual([frame]);
    expect(trace.segments).toEqual([{ index: 0, startedAt: 90, url: 'https://site.atlassian.net/jira' }]);
  });

  it('exports an ok call with its frame, duration and response', () => {
    expect(trace.calls[0]).toEqual({
      id: '3:doc#1',
      frame: { url: 'https://app.cdn.prod.atlassian-dev.net/index.html', key: '3:doc', parentUrl: 'https://site.atlassian.net/jira', isTop: false },
      command: 'invoke',
      kind: 'resolver',
      summary: 'invoke getText',
      startedAt: 1000,
      endedAt: 1250.5,
      durationMs: 250.5,
      status: 'ok',
      request: { value: { functionKey: 'getText' }, bytes: 26, truncated: false },
      response: { value: 'hello', bytes: 7, truncated: false },
      deliveries: [],
      segment: 0,
    });
    expect('error' in trace.calls[0]!).toBe(false);
  });

  it('gives an error call its error and no response', () => {
    const c = trace.calls[1]!;
    expect(c.error).toEqual({ value: { $fbdt: 'error', text: 'boom' }, bytes: 30, truncated: false });
    expect('response' in c).toBe(false);
  });

  it('gives a pending call no duration, response or error, and keeps its deliveries', () => {
    const c = trace.calls[2]!;
    expect(c.durationMs).toBeNull();
    expect(c.endedAt).toBeNull();
    expect('response' in c || 'error' in c).toBe(false);
    expect(c.deliveries).toEqual([{ seq: 1, at: 1100, key: 'callback', args: { value: [1], bytes: 3, truncated: false } }]);
  });

  it('gives a call with an unknown start no duration, and a frame it does not know by key only', () => {
    const c = trace.calls[3]!;
    expect(c.durationMs).toBeNull();
    expect(c.frame).toEqual({ url: '', key: '9:gone', parentUrl: '', isTop: false });
  });

  it('is JSON and does not share arrays with the session', () => {
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
    trace.calls[2]!.deliveries.push({ seq: 2, at: 1, key: 'k', args: { value: null, bytes: 4, truncated: false } });
    expect(session.calls[2]!.deliveries.length).toBe(1);
  });

  it('lists calls by start time, then id, whatever order the session holds them in (the recorder keeps arrival order)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const calls = Array.from({ length: 30 }, (_, i) => call({ id: `3:doc#${Math.floor(random() * 40)}`, callId: i, startedAt: Math.floor(random() * 10) }));
      if (round % 2 === 0) calls.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const order = exportTraceV1({ ...session, calls }, { extensionVersion: '0', now: 0 }).calls.map((c) => `${c.startedAt} ${c.id}`);
      const expected = calls.map((c) => ({ at: c.startedAt, id: c.id })).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => `${c.at} ${c.id}`);
      expect(order, `round ${round}`).toEqual(expected);
    }
    expect(session.calls.map((c) => c.id)).toEqual(['3:doc#1', '3:doc#2', '3:doc#3', '9:gone#4']);
  });
});
