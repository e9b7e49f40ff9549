import { correlate } from '../network';
import type { TabSession } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import { collectTokens } from '../tokens';

/** The matches and tokens a trace carries, computed from a session's calls and network entries. */
export function deriveForTrace(session: Pick<TabSession, 'calls' | 'network'>): { matches: CallMatch[]; tokens: TokenRecord[] } {
  const matches = correlate(session.calls, session.network);
  return { matches, tokens: collectTokens({ calls: session.calls, network: session.network, matches }) };
}
