import type { CallMatch, Finding, TabSession, TokenRecord } from '../protocol';
import type { KeptDerivation } from './derived';
import type { KeptFindings } from './findings/useFindings';

/**
 * What the panel already worked out for the session it exports, when it is exactly that session's: the matches,
 * tokens and findings an export would otherwise derive again from every call (100,000 calls: about a second).
 * Null when the list is ahead of them (a live tab streaming, a deferred run not done): then Export derives.
 */
export function keptForExport(
  session: Pick<TabSession, 'calls' | 'frames' | 'network'>,
  kept: KeptDerivation,
  findings: KeptFindings,
): { matches: CallMatch[]; tokens: TokenRecord[]; findings: Finding[] } | null {
  const f = findings.input;
  if (kept.calls !== session.calls || kept.network !== session.network) return null;
  if (f === null || f.calls !== session.calls || f.frames !== session.frames || f.network !== session.network || f.derived !== kept.derived) return null;
  return { matches: kept.derived.matches, tokens: kept.derived.tokens, findings: findings.findings };
}
