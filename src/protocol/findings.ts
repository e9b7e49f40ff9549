/** What the rules in src/insights found in a session: shown in the Findings view, exported in traces. */

export type FindingRule =
  | 'missing-resolver'
  | 'payload-limit'
  | 'near-timeout'
  | 'bridge-rate-limit'
  | 'repeated-call'
  | 'sequential-chain'
  | 'fit-renewal-latency'
  | 'clock-skew'
  | 'token-near-expiry'
  | 'remote-path'
  | 'slow-start';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** `${rule}:${what}`: stable while the same problem grows, so a view keeps its place. */
  id: string;
  rule: FindingRule;
  severity: FindingSeverity;
  /** One line: what is wrong and where. */
  title: string;
  /** The measurements behind it, in a sentence or two. */
  numbers: string;
  /** What to change, in one sentence. */
  fix: string;
  /** The documentation page (or the public thread) the finding rests on. */
  docs: { title: string; url: string };
  /** The calls that show it, in the order they started. */
  callIds: string[];
  /** Milliseconds it cost or risks (the order of the list within a severity). */
  costMs: number;
}
