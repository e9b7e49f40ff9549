import type { TabSession, TraceV2 } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import type { ExportMeta } from './exportV1';
import { copyFrames, framesByKey, toTraceCall } from './traceCall';

export interface ExportMetaV2 extends ExportMeta {
  browser: { name: string; version: string } | null;
}

/** Everything the panel shows for a tab, as a version 2 trace. Pure and unredacted (see redactTrace). */
export function exportTraceV2(session: TabSession, meta: ExportMetaV2, derived: { tokens: readonly TokenRecord[]; matches: readonly CallMatch[] }): TraceV2 {
  const frames = framesByKey(session.frames);
  return {
    format: 'forge-bridge-trace',
    version: 2,
    exportedAt: meta.now,
    tabId: session.tabId,
    extension: { version: meta.extensionVersion },
    browser: meta.browser,
    settings: { maxCalls: session.maxCalls, preserveLog: session.preserveLog, networkFeed: session.networkFeed },
    redaction: null,
    dropped: session.dropped,
    lostInTransit: session.lostInTransit,
    frames: copyFrames(session.frames),
    segments: session.segments.map((s) => ({ ...s })),
    calls: session.calls.map((call) => toTraceCall(call, frames.get(call.frameKey))),
    network: session.network.map((e) => ({ ...e })),
    tokens: derived.tokens.map((t) => ({ ...t, uses: t.uses.map((u) => ({ ...u })) })),
    matches: derived.matches.map((m) => ({ ...m })),
  };
}
