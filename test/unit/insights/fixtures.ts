import { classifyCall } from '../../../src/bridge/classify';
import { takeSnapshot } from '../../../src/capture';
import type { InsightInput } from '../../../src/insights';
import type { CallRecord, FrameRecord } from '../../../src/protocol/model';
import type { SnapshotValue } from '../../../src/protocol/snapshot';

/** Epoch ms of a session's start (Nov 2026). */
export const T = 1_795_000_000_000;

let next = 0;

/**
 * A call as the recorder keeps it, its payloads snapshotted by the hook's own takeSnapshot from real values
 * (an Error, undefined, a payload the app passed), so descriptions are the ones the hook makes.
 */
export function made(command: string, payload: unknown, start: number, end: number | null, outcome: { result?: unknown; error?: unknown; frame?: string } = {}): CallRecord {
  const request = takeSnapshot(payload);
  const failed = 'error' in outcome;
  const frameKey = outcome.frame ?? '1:doc-a';
  const callId = ++next;
  return {
    id: `${frameKey}#${callId}`,
    frameKey,
    callId,
    segment: 0,
    command,
    kind: classifyCall(command, request.value as SnapshotValue),
    summary: command,
    startedAt: T + start,
    endedAt: end === null ? null : T + end,
    status: end === null ? 'pending' : failed ? 'error' : 'ok',
    request,
    response: end !== null && !failed ? takeSnapshot(outcome.result) : null,
    error: end !== null && failed ? takeSnapshot(outcome.error) : null,
    deliveries: [],
    deliveriesDropped: 0,
  };
}

export const resolver = (key: string, start: number, end: number, outcome: { result?: unknown; error?: unknown; frame?: string } = { result: { ok: true } }, payload?: unknown) =>
  made('invoke', payload === undefined ? { functionKey: key } : { functionKey: key, payload }, start, end, outcome);

export const invokeRemote = (path: string, start: number, end: number, status = 200) =>
  made('invoke', { path, method: 'GET', invokeType: 'ui-remote-fetch' }, start, end, { result: { success: status < 400, payload: { status, headers: {}, body: { tasks: [] } } } });

export const requestRemote = (path: string, start: number, end: number, status = 200) =>
  made('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path, method: 'GET', body: null, headers: [] }, isMultipartFormData: false }, start, end, { result: { status, headers: {}, body: '{"tasks":[]}', statusText: 'OK', isAttachment: false } });

export function frame(key = '1:doc-a', boot?: FrameRecord['boot']): FrameRecord {
  return {
    key,
    frameId: 1,
    docId: key.split(':')[1] ?? 'doc',
    url: 'https://59n3u0-x.cdn.prod.atlassian-dev.net/app/env/dep/main/index.html',
    isTop: false,
    parentUrl: 'https://example.atlassian.net/browse/SBX-1',
    firstSeenAt: T,
    hookReady: true,
    bridge: { semver: '1.15.3', frozen: false, via: 'trap' },
    transport: 'post-robot',
    segment: 0,
    ...(boot ? { boot } : {}),
  };
}

/** A session with nothing derived: no network feed, no tokens. */
export function input(calls: CallRecord[], extra: Partial<InsightInput> = {}): InsightInput {
  const keys = [...new Set(calls.map((c) => c.frameKey))];
  return { calls, frames: keys.map((k) => frame(k)), network: [], matches: [], tokenWarnings: [], renewals: [], ...extra };
}
