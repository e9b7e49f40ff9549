/**
 * storage.local key of "Record call sites" in Settings: whether the hook records each call's initiator (a
 * short stack). Off by default: it costs the page a stack capture and its parse per call (issue 17; the
 * "initiator" bench), more than the 10 µs per call an always-on feature may add.
 */
export const RECORD_INITIATOR_KEY = 'recordInitiator';

/** The stored choice, whatever storage held: on only when it holds true. */
export function readRecordInitiator(stored: unknown): boolean {
  return stored === true;
}
