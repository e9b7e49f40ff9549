import { durationOf, type CallRecord, type FrameRecord, type TraceCall } from '../protocol/model';
import { cloneFrame } from '../recorder/records';

/**
 * A recorded call in the trace's stable shape. `durationMs` is endedAt − startedAt, or null while the call is
 * pending or when its start was not recorded; `response` only for an ok call, `error` only for a failed one.
 */
export function toTraceCall(call: CallRecord, frame: FrameRecord | undefined): TraceCall {
  const out: TraceCall = {
    id: call.id,
    frame: frame ? { url: frame.url, key: frame.key, parentUrl: frame.parentUrl, isTop: frame.isTop } : { url: '', key: call.frameKey, parentUrl: '', isTop: false },
    command: call.command,
    kind: call.kind,
    summary: call.summary,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    durationMs: durationOf(call),
    status: call.status,
    request: call.request,
    deliveries: call.deliveries.map((d) => ({ ...d })),
    segment: call.segment,
  };
  if (call.status === 'ok' && call.response) out.response = call.response;
  if (call.status === 'error' && call.error) out.error = call.error;
  if (call.initiator) out.initiator = { frames: call.initiator.frames.map((f) => ({ ...f })) };
  return out;
}

export function framesByKey(frames: readonly FrameRecord[]): Map<string, FrameRecord> {
  return new Map(frames.map((f) => [f.key, f]));
}

export function copyFrames(frames: readonly FrameRecord[]): FrameRecord[] {
  return frames.map(cloneFrame);
}
