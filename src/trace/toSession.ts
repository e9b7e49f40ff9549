import { noLosses } from '../protocol/losses';
import { newTabSession, type CallRecord, type TabSession, type TraceV2 } from '../protocol/model';

function callIdOf(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('#') + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** A trace back in the recorder's session shape, so the panel shows an imported trace with its live code. */
export function traceToSession(trace: TraceV2): TabSession {
  const calls: CallRecord[] = trace.calls.map((c) => ({
    id: c.id,
    frameKey: c.frame.key,
    callId: callIdOf(c.id),
    segment: c.segment,
    command: c.command,
    kind: c.kind,
    summary: c.summary,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    status: c.status,
    request: c.request,
    response: c.response ?? null,
    error: c.error ?? null,
    deliveries: c.deliveries,
    deliveriesDropped: 0,
    ...(c.initiator ? { initiator: c.initiator } : {}),
  }));
  return newTabSession(trace.tabId, {
    segments: trace.segments,
    frames: trace.frames,
    calls,
    losses: trace.losses ? { ...noLosses(), ...trace.losses } : { ...noLosses(), evictedCalls: trace.dropped, inTransit: trace.lostInTransit },
    recording: false,
    preserveLog: trace.settings.preserveLog,
    maxCalls: trace.settings.maxCalls,
    network: trace.network,
    networkFeed: trace.settings.networkFeed === 'on' ? 'on' : 'off',
  });
}
