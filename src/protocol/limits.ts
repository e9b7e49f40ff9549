/** Size bounds shared by every context. The hook enforces them first; the relay and recorder enforce them again. */
export const LIMITS = {
  /** Serialized size of one snapshotted value (payload, result, error, delivery args). */
  snapshotBytes: 64 * 1024,
  /** Longest string kept inside a snapshot before it is cut. */
  snapshotStringChars: 8 * 1024,
  /** Deepest nesting kept inside a snapshot. */
  snapshotDepth: 24,
  /** Most keys or items kept per object or array inside a snapshot. */
  snapshotEntries: 500,
  /** Longest command name accepted. */
  commandChars: 200,
  /** Longest URL accepted. */
  urlChars: 4096,
  /** Most hook events the relay accepts in one message from the hook. */
  eventsPerHookMessage: 500,
  /** Most events in one batch from relay to background. */
  eventsPerBatch: 200,
  /** Unacknowledged events the relay buffers while the background is away; beyond this the oldest are dropped and counted. */
  relayBufferEvents: 20_000,
  /** Default number of calls the recorder keeps per tab. */
  defaultMaxCallsPerTab: 10_000,
  /** Deliveries kept per subscription call. */
  deliveriesPerCall: 200,
  /** Characters kept of each network request or response body. */
  networkBodyChars: 256 * 1024,
  /** Network entries kept per tab (oldest dropped first). */
  networkEntriesPerTab: 10_000,
} as const;
