import type { Finding } from '../protocol/findings';
import type { TabSession, TraceV2 } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import { exportTraceV1, type ExportMeta } from './exportV1';

export interface ExportMetaV2 extends ExportMeta {
  browser: { name: string; version: string } | null;
}

/** Everything the panel shows for a tab, as a version 2 trace: version 1 grown. Pure and unredacted (see redactTrace). */
export function exportTraceV2(session: TabSession, meta: ExportMetaV2, derived: { tokens: readonly TokenRecord[]; matches: readonly CallMatch[]; findings?: readonly Finding[] }): TraceV2 {
  const v1 = exportTraceV1(session, meta);
  return {
    ...v1,
    version: 2,
    browser: meta.browser,
    settings: { maxCalls: session.maxCalls, preserveLog: session.preserveLog, networkFeed: session.networkFeed },
    redaction: null,
    lostInTransit: session.lostInTransit,
    network: session.network.map((e) => ({ ...e })),
    tokens: derived.tokens.map((t) => ({ ...t, uses: t.uses.map((u) => ({ ...u })) })),
    matches: derived.matches.map((m) => ({ ...m })),
    ...(derived.findings ? { findings: derived.findings.map((f) => ({ ...f, docs: { ...f.docs }, callIds: f.callIds.slice() })) } : {}),
  };
}
