import type { FrameRecord, TabSession, TraceCall, TraceV1 } from '../protocol/model';
import { isStartUnknown } from '../recorder/records';

export interface ExportMeta {
  extensionVersion: string;
  /** Export time, epoch milliseconds. */
  now: number;
}

/**
 * The tab's session as a version 1 trace. Pure and unredacted: redaction of tokens and credentials is a
 * separate step that must run before the trace leaves the machine.
 *
 * `durationMs` is endedAt − startedAt, or null while the call is pending or when its start was not
 * recorded; `response` is present only for an ok call, `error` only for a failed one.
 */
export function exportTraceV1(session: TabSession, meta: ExportMeta): TraceV1 {
  const frames = new Map<string, FrameRecord>();
  for (const frame of session.frames) frames.set(frame.key, frame);
  const calls: TraceCall[] = session.calls.map((call) => {
    const frame = frames.get(call.frameKey);
    const out: TraceCall = {
      id: call.id,
      frame: frame
        ? { url: frame.url, key: frame.key, parentUrl: frame.parentUrl, isTop: frame.isTop }
        : { url: '', key: call.frameKey, parentUrl: '', isTop: false },
      command: call.command,
      kind: call.kind,
      summary: call.summary,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      durationMs: call.endedAt !== null && !isStartUnknown(call) ? call.endedAt - call.startedAt : null,
      status: call.status,
      request: call.request,
      deliveries: call.deliveries.map((d) => ({ ...d })),
      segment: call.segment,
    };
    if (call.status === 'ok' && call.response) out.response = call.response;
    if (call.status === 'error' && call.error) out.error = call.error;
    return out;
  });
  return {
    format: 'forge-bridge-trace',
    version: 1,
    exportedAt: meta.now,
    tabId: session.tabId,
    extension: { version: meta.extensionVersion },
    dropped: session.dropped,
    frames: session.frames.map((f) => ({ ...f, bridge: f.bridge ? { ...f.bridge } : null })),
    segments: session.segments.map((s) => ({ ...s })),
    calls,
  };
}
