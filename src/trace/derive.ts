import { findingsOfSession } from '../insights/fromSession';
import { correlate } from '../network';
import type { Finding } from '../protocol/findings';
import type { TabSession } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import { collectTokens } from '../tokens';

/** The matches, tokens and findings a trace carries, computed from a session's calls, frames and network entries. */
export function deriveForTrace(session: Pick<TabSession, 'calls' | 'frames' | 'network'>): { matches: CallMatch[]; tokens: TokenRecord[]; findings: Finding[] } {
  // Once: an export's session is not correlated again, so its calls' keys are not remembered.
  const matches = correlate(session.calls, session.network, { remember: false });
  const tokens = collectTokens({ calls: session.calls, network: session.network, matches });
  return { matches, tokens, findings: findingsOfSession(session, { matches, tokens }) };
}
