import type { CallRecord, FrameRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { Finding } from '../protocol/findings';
import type { CallMatch, TokenWarning } from '../protocol/tokens';
import type { TokenRenewal } from '../tokens/warnings';

/** What the rules read: a session's calls and frames, and what src/network and src/tokens derived from them. */
export interface InsightInput {
  calls: readonly CallRecord[];
  frames: readonly FrameRecord[];
  network: readonly NetworkEntry[];
  matches: readonly CallMatch[];
  /** src/tokens' warnings (clock skew, near expiry, FIT renewals): the rules surface them, never recompute them. */
  tokenWarnings: readonly TokenWarning[];
  /** FIT renewals calls waited on (src/tokens fitRenewalsOf). */
  renewals: readonly TokenRenewal[];
}

/** A rule that looks at one frame's calls at a time (the bridge's limits and an app's habits are per frame). */
export interface FrameRule {
  scope: 'frame';
  run(frame: FrameRecord | null, calls: readonly CallRecord[]): Finding[];
}

/** A rule that needs the whole session (calls across frames, network entries, token warnings). */
export interface SessionRule {
  scope: 'session';
  run(input: InsightInput): Finding[];
}

export type Rule = FrameRule | SessionRule;
