import type { Finding } from '../protocol/findings';
import type { TabSession, TraceV2 } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import { deriveForTrace } from './derive';
import { exportTraceV1, type ExportMeta } from './exportV1';

export interface ExportMetaV2 extends ExportMeta {
  browser: { name: string; version: string } | null;
}

/**
 * Everything the panel shows for a tab, as a version 2 trace: version 1 grown. Pure and unredacted (see
 * redactTrace). The one exporter: the background's exportTrace and the panel's Export both call it with the
 * same TabSession; `derived` (tokens and matches) is computed from the session unless the caller has it.
 */
export function exportTraceV2(session: TabSession, meta: ExportMetaV2, derived: { tokens: readonly TokenRecord[]; matches: readonly CallMatch[]; findings?: readonly Finding[] } = deriveForTrace(session)): TraceV2 {
  const v1 = exportTraceV1(session, meta);
  return {
    ...v1,
    version: 2,
    browser: meta.browser,
    settings: { maxCalls: session.maxCalls, preserveLog: session.preserveLog, networkFeed: session.networkFeed },
    redaction: null,
    lostInTransit: session.losses.inTransit,
    losses: { ...session.losses },
    network: session.network.map((e) => ({ ...e })),
    tokens: derived.tokens.map((t) => ({ ...t, uses: t.uses.map((u) => ({ ...u })) })),
    matches: derived.matches.map((m) => ({ ...m })),
    ...(derived.findings ? { findings: derived.findings.map((f) => ({ ...f, docs: { ...f.docs }, callIds: f.callIds.slice() })) } : {}),
  };
}
