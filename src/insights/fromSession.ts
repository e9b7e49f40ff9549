import type { Finding } from '../protocol/findings';
import type { TabSession } from '../protocol/model';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import { renewalsAndWarnings } from '../tokens';
import { findInsights } from './engine';

/** The findings of a recorded session, from what src/trace's deriveForTrace computed (matches and tokens). */
export function findingsOfSession(session: Pick<TabSession, 'calls' | 'frames' | 'network'>, derived: { matches: readonly CallMatch[]; tokens: readonly TokenRecord[] }): Finding[] {
  const entries = new Map(session.network.map((e) => [e.id, e]));
  const { renewals, warnings } = renewalsAndWarnings({ calls: session.calls, network: session.network, matches: derived.matches, entries, tokens: derived.tokens });
  return findInsights({ calls: session.calls, frames: session.frames, network: session.network, matches: derived.matches, tokenWarnings: warnings, renewals });
}
