import { durationOf, type CallRecord, type FrameRecord, type TraceCall } from '../protocol/model';
import { cloneFrame } from '../recorder/records';

/**
 * A recorded call in the trace's stable shape. `durationMs` is endedAt − startedAt, or null while the call is
 * pending or when its start was not recorded; `response` only for an ok call, `error` only for a failed one.
 */
export function toTraceCall(call: CallRecord, frames: ReadonlyMap<string, TraceCall['frame']>): TraceCall {
  const out: TraceCall = {
    id: call.id,
    frame: frames.get(call.frameKey) ?? unrecordedFrame(call.frameKey),
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

/** The frame a call carries when its frame's record is not there: its key, and no URL. */
export function unrecordedFrame(key: string): TraceCall['frame'] {
  return { url: '', key, parentUrl: '', isTop: false };
}

/** The frame each call of a frame carries, by key: one object per frame, shared by its calls (nothing changes them). */
export function callFramesByKey(frames: readonly FrameRecord[]): Map<string, TraceCall['frame']> {
  return new Map(frames.map((f) => [f.key, { url: f.url, key: f.key, parentUrl: f.parentUrl, isTop: f.isTop }]));
}

export function copyFrames(frames: readonly FrameRecord[]): FrameRecord[] {
  return frames.map(cloneFrame);
}

/**
 * Copies the fields of `from` that `known` does not name onto `to`, in their order: response, error,
 * initiator, and whatever an imported file added. A `__proto__` field is defined, not assigned, so it stays a
 * field (assigning it would set the object's prototype and lose it).
 */
export function copyOtherFields(from: object, to: object, known: ReadonlySet<string>): void {
  for (const k in from) {
    if (known.has(k) || !Object.prototype.hasOwnProperty.call(from, k)) continue;
    const value = (from as Record<string, unknown>)[k];
    if (k === '__proto__') Object.defineProperty(to, k, { value, enumerable: true, writable: true, configurable: true });
    else (to as Record<string, unknown>)[k] = value;
  }
}
