import type { CallKind, CallRecord, CallStatus, FrameRecord } from '../protocol/model';

export type CompareOp = '>' | '<' | '>=' | '<=' | '=';

/** One understood term of a filter. Every term carries `negate` (written with a leading `-`). Terms are ANDed. */
export type FilterTerm =
  /** Case-insensitive substring of the summary, the command or the frame URL. */
  | { type: 'text'; value: string; negate: boolean }
  | { type: 'kind'; kind: CallKind; negate: boolean }
  /** The command name, whole, case-insensitive. */
  | { type: 'command'; value: string; negate: boolean }
  /** status:ok|error|pending, is:ok|error|pending; error is a failed call as query/outcome defines it. */
  | { type: 'status'; status: CallStatus; negate: boolean }
  /** status:404 or status:5xx: the HTTP status in the response snapshot of an HTTP-like call, within [from, to]. */
  | { type: 'http-status'; from: number; to: number; negate: boolean }
  /** Case-insensitive substring of the frame URL or module key, the requestRemote remote key, or the HTTP path. */
  | { type: 'frame' | 'remote' | 'path'; value: string; negate: boolean }
  /** duration in ms (ended calls only); size in bytes of the request and response (or error) snapshots. */
  | { type: 'compare'; key: 'duration' | 'size'; op: CompareOp; value: number; negate: boolean };

/** A term that was not understood: it is matched as free text, and the UI underlines `start`..`end` of the input. */
export interface FilterProblem {
  term: string;
  start: number;
  end: number;
  message: string;
}

export interface ParsedFilter {
  terms: readonly FilterTerm[];
  problems: readonly FilterProblem[];
}

export interface FilterRow {
  call: CallRecord;
  frame?: FrameRecord | null;
  /** The frame's module key when the caller knows it (e.g. from a getContext result); `frame:` matches it too. */
  moduleKey?: string | null;
}
