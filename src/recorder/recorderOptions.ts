import type { CallClassifier, CallSummarizer } from './callEvents';

export interface RecorderOptions {
  classify: CallClassifier;
  summarize: CallSummarizer;
  /** Calls kept per tab unless a tab has its own bound (default LIMITS.defaultMaxCallsPerTab). */
  maxCallsPerTab?: number;
  /** Bytes kept per tab; beyond, the oldest calls and network entries are evicted and counted (default LIMITS.defaultMaxBytesPerTab). */
  maxBytesPerTab?: number;
  /** Bytes kept across all tabs; beyond, the oldest records of any tab are evicted and counted (default LIMITS.maxBytesAllTabs). */
  maxBytesAllTabs?: number;
  /** Documents tracked per tab; beyond it the least recently heard from is forgotten and counted (default LIMITS.maxDocsPerTab). */
  maxDocsPerTab?: number;
  /** Clock for segment starts, frame first-seen times and Pause/Resume (default Date.now). */
  now?: () => number;
  /**
   * Least time between the starts of two saves (default 0). Changes made meanwhile go together, so a call that
   * starts and ends within it is written once; the relay keeps events until the save is acknowledged.
   */
  saveSpacingMs?: number;
  /** Called when a save fails (the changes stay pending and go with the next save). */
  onStoreError?: (error: unknown) => void;
}

export interface ApplyResult {
  /** What to acknowledge to the relay (`{type:'ack', upTo}`), or null when nothing is to be acknowledged (a hello). */
  ackUpTo: number | null;
  /**
   * Resolves true once this message's effects are durably saved (ack only then), false if the save
   * failed (the effects stay in memory and go with the next save). Never rejects. Without a store it
   * resolves true at once.
   */
  persisted: Promise<boolean>;
}
