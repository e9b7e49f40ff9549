import { byStart, type CallRecord, type TabSession, type TraceV1 } from '../protocol/model';
import { cloneSegments } from '../recorder/records';
import { callFramesByKey, copyFrames, toTraceCall } from './traceCall';

export interface ExportMeta {
  extensionVersion: string;
  /** Export time, epoch milliseconds. */
  now: number;
}

/** The calls by start time; the list itself when it already is (the panel keeps it so): no sort of 100,000 calls to find that out. */
function inStartOrder(calls: readonly CallRecord[]): readonly CallRecord[] {
  for (let i = 1; i < calls.length; i++) if (byStart(calls[i - 1]!, calls[i]!) > 0) return calls.slice().sort(byStart);
  return calls;
}

/**
 * The tab's session as a version 1 trace (the capture issue's shape). Pure and unredacted: redaction of
 * tokens and credentials is a separate step that must run before the trace leaves the machine.
 */
export function exportTraceV1(session: TabSession, meta: ExportMeta): TraceV1 {
  const frames = callFramesByKey(session.frames);
  return {
    format: 'forge-bridge-trace',
    version: 1,
    exportedAt: meta.now,
    tabId: session.tabId,
    extension: { version: meta.extensionVersion },
    dropped: session.losses.evictedCalls,
    frames: copyFrames(session.frames),
    segments: cloneSegments(session.segments),
    // By start time: the recorder keeps calls by arrival, the panel by start; a trace is the same from either.
    calls: inStartOrder(session.calls).map((call) => toTraceCall(call, frames)),
  };
}
