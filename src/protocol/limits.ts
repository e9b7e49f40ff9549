import type { HookEvent } from './hook';

/**
 * Size bounds shared by every context: the hook, the relay, the background's validators and recorder, and
 * file import all read them from here, so that one side never refuses what the other was allowed to send.
 * The hook enforces them first; the relay and recorder enforce them again.
 */
export const LIMITS = {
  /** Serialized size of one snapshotted value (payload, result, error, delivery args). */
  snapshotBytes: 64 * 1024,
  /** Extra serialized characters a receiver allows beyond snapshotBytes (the hook's descriptions of what it cut). */
  snapshotBytesMargin: 4096,
  /** Longest string kept inside a snapshot before it is cut. */
  snapshotStringChars: 8 * 1024,
  /** Deepest nesting kept inside a snapshot. */
  snapshotDepth: 24,
  /** Extra nesting a receiver allows beyond snapshotDepth (the hook's own descriptions add a level or two). */
  snapshotDepthMargin: 8,
  /** Most keys or items kept per object or array inside a snapshot. */
  snapshotEntries: 500,
  /** Longest command name accepted. */
  commandChars: 200,
  /** Longest URL accepted. */
  urlChars: 4096,
  /** Longest document id; ids are made of [A-Za-z0-9_-] so that frame and call keys stay unambiguous. */
  docIdChars: 128,
  /** Most hook events the relay accepts in one message from the hook. */
  eventsPerHookMessage: 500,
  /** Most events in one batch from relay to background. */
  eventsPerBatch: 200,
  /** What one event weighs beside its snapshots, in every byte bound that counts events (hook queue, relay buffer, batches). */
  eventOverheadBytes: 128,
  /** Smallest snapshot sent once per message when it repeats (hook → relay, relay → background) or held once by the recorder: below it, comparing costs more than it saves. */
  sameSnapshotMinBytes: 64,
  /** Snapshot bytes one message carries at most (hook → relay, relay → background); a message always holds at least one event. */
  messageBytes: 4 * 1024 * 1024,
  /** Longest JSON text of one hook message handed to the relay as the document goes (src/protocol/hook.ts HOOK_EXIT). */
  exitHandoffChars: 8 * 1024 * 1024,
  /** Unacknowledged events the relay buffers while the background is away; beyond this the oldest are dropped and counted. */
  relayBufferEvents: 20_000,
  /** Unacknowledged bytes the relay buffers at most, beside relayBufferEvents. */
  relayBufferBytes: 64 * 1024 * 1024,
  /** Default number of calls the recorder keeps per tab (a setting: see src/settings). */
  defaultMaxCallsPerTab: 10_000,
  /** Least and most a user may set the per-tab call bound to. */
  minMaxCallsPerTab: 100,
  maxMaxCallsPerTab: 1_000_000,
  /** Bytes the recorder keeps per tab (calls, deliveries, network entries with bodies); the oldest are evicted beyond it. */
  defaultMaxBytesPerTab: 128 * 1024 * 1024,
  /** Bytes the recorder keeps across all tabs together; the oldest records of any tab are evicted beyond it. */
  maxBytesAllTabs: 512 * 1024 * 1024,
  /** Documents (frames) a tab's session tracks; beyond it the oldest is forgotten. */
  maxDocsPerTab: 1000,
  /** Deliveries kept per subscription call. */
  deliveriesPerCall: 200,
  /** Characters kept of each network request or response body. */
  networkBodyChars: 256 * 1024,
  /** Network entries kept per tab (oldest dropped first). */
  networkEntriesPerTab: 10_000,
  /** Most network entries in one message from the DevTools page. */
  networkEntriesPerMessage: 100,
  /** Longest network entry id. */
  networkEntryIdChars: 128,
  /** Most headers kept per request or response, and the longest name and value. */
  headersMax: 200,
  headerNameChars: 256,
  headerValueChars: 16 * 1024,
} as const;

/** What an event weighs in every byte bound that counts events: the hook's queue, the relay's buffer and its batches. */
export function eventCost(event: HookEvent): number {
  switch (event.type) {
    case 'call-start':
      return LIMITS.eventOverheadBytes + event.command.length + event.request.bytes;
    case 'call-end':
      return LIMITS.eventOverheadBytes + event.value.bytes;
    case 'call':
      return LIMITS.eventOverheadBytes + event.command.length + event.request.bytes + event.value.bytes;
    case 'delivery':
      return LIMITS.eventOverheadBytes + event.key.length + event.args.bytes;
    case 'hook-ready':
      return LIMITS.eventOverheadBytes + event.url.length + event.referrer.length;
    default:
      return LIMITS.eventOverheadBytes;
  }
}
