import type { TraceCall, TraceV1, TraceV2, TraceV3 } from '../protocol/model';
import { copyOtherFields, unrecordedFrame } from './traceCall';

/** The fields of a version 3 call migrateV3toV2 reads itself. */
const READ: ReadonlySet<string> = new Set(['id', 'frameKey', 'frame', 'command', 'kind', 'summary', 'startedAt', 'endedAt', 'durationMs', 'status', 'request', 'deliveries', 'segment']);

/** A version 1 trace (calls only) as version 2: no network entries, tokens or matches were recorded then. */
export function migrateV1toV2(trace: TraceV1): TraceV2 {
  return {
    format: 'forge-bridge-trace',
    version: 2,
    exportedAt: trace.exportedAt,
    tabId: trace.tabId,
    extension: trace.extension,
    browser: null,
    settings: { maxCalls: 0, preserveLog: false, networkFeed: 'unknown' },
    redaction: null,
    dropped: trace.dropped,
    lostInTransit: 0,
    frames: trace.frames,
    segments: trace.segments,
    calls: trace.calls,
    network: [],
    tokens: [],
    matches: [],
  };
}

/**
 * A version 3 file back in the shape the extension works with (TraceV2: calls carry their frame, as export
 * made them; one frame object per key, shared by its calls). The first frame listed under a key is the one
 * (import keeps the first of repeated keys). A call naming a frame the list lacks gets the frame an unrecorded
 * frame gets at export (no URL); `lostFrames` counts those calls.
 */
export function migrateV3toV2(trace: TraceV3): { trace: TraceV2; lostFrames: number } {
  const frames = new Map<string, TraceCall['frame']>();
  for (const f of trace.frames) if (!frames.has(f.key)) frames.set(f.key, { url: f.url, key: f.key, parentUrl: f.parentUrl, isTop: f.isTop });
  let lostFrames = 0;
  const frameOf = (key: string): TraceCall['frame'] => {
    const known = frames.get(key);
    if (known) return known;
    lostFrames++;
    return unrecordedFrame(key);
  };
  const calls = trace.calls.map((c): TraceCall => {
    // Export's key order (toTraceCall); a `frame` a hand-made file added to a call is not read.
    const out: TraceCall = { id: c.id, frame: frameOf(c.frameKey), command: c.command, kind: c.kind, summary: c.summary, startedAt: c.startedAt, endedAt: c.endedAt, durationMs: c.durationMs, status: c.status, request: c.request, deliveries: c.deliveries ?? [], segment: c.segment };
    copyOtherFields(c, out, READ);
    return out;
  });
  return { trace: { ...trace, version: 2, calls }, lostFrames };
}
