import type { TraceV1, TraceV2 } from '../protocol/model';

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
