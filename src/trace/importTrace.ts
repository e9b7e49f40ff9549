import type { TraceV1, TraceV2, TraceV3 } from '../protocol/model';
import { traceProblems } from './check';
import { traceFromHar } from './fromHar';
import { boundParsedFile } from './importBounds';
import { checkImportedTrace } from './importSanity';
import { jsonParseError } from './jsonError';
import { migrateV1toV2, migrateV3toV2 } from './migrate';
import { utf8Length } from './utf8';
import { newerVersionError } from './versions';
import { whatThisIs } from './whatThisIs';

/**
 * The largest file import opens: 256 MiB. Export must be able to open what it writes: a tab holds up to 128 MiB of
 * snapshots (LIMITS.defaultMaxBytesPerTab), and its HAR adds headers, timings and escaping around them (100,000
 * calls of the trace bench write a 128.4 MiB HAR).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export type ImportResult = { ok: true; trace: TraceV2; source: 'trace-v1' | 'trace-v2' | 'trace-v3' | 'har'; notes: string[] } | { ok: false; error: string };
export interface ImportOptions {
  maxBytes?: number;
  /** The time a trace rebuilt from a HAR is stamped with (default: now). */
  now?: number;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The message for a file too large to open, or null; checked before a file is read. */
export function importSizeError(bytes: number, max = MAX_IMPORT_BYTES): string | null {
  return bytes > max ? `The file is ${mib(bytes)} (${bytes.toLocaleString('en')} bytes); the largest file this viewer opens is ${mib(max)}. Export fewer calls (clear the log first, or filter) and try again.` : null;
}

function fail(error: string): ImportResult {
  return { ok: false, error };
}

function fromTrace(obj: Record<string, unknown>): ImportResult {
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(`The trace has no usable version (found ${JSON.stringify(version) ?? 'none'}).`);
  const newer = newerVersionError(version);
  if (newer) return fail(newer);
  const problems = traceProblems(obj, version as 1 | 2 | 3);
  if (problems.length > 0) return fail(`The trace is damaged: ${problems.join('; ')}.`);
  if (version === 1) return { ok: true, trace: migrateV1toV2(obj as unknown as TraceV1), source: 'trace-v1', notes: ['A version 1 trace: calls only (no network entries, tokens or matches were recorded then).'] };
  if (version === 2) return { ok: true, trace: obj as unknown as TraceV2, source: 'trace-v2', notes: [] };
  const { trace, lostFrames } = migrateV3toV2(obj as unknown as TraceV3);
  return { ok: true, trace, source: 'trace-v3', notes: lostFrames > 0 ? [lostFramesNote(lostFrames)] : [] };
}

const lostFramesNote = (calls: number) =>
  `${calls.toLocaleString('en')} ${calls === 1 ? 'call names a frame' : 'calls name frames'} the trace does not list (the frame's record was lost): shown with no frame URL.`;

function fromJson(value: unknown, now: number): ImportResult {
  const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const isTrace = obj?.format === 'forge-bridge-trace';
  const bounded = boundParsedFile(value, isTrace);
  if (!bounded.ok) return fail(`The file cannot be opened safely: ${bounded.error}.`);
  const notes = bounded.changed > 0 ? [`${bounded.changed} recorded values were too deep, too long or out of range and are shown as descriptions.`] : [];
  return checked(fromFile(obj, value, isTrace, now), notes);
}

function fromFile(obj: Record<string, unknown> | null, value: unknown, isTrace: boolean, now: number): ImportResult {
  if (obj && isTrace) return fromTrace(obj);
  const log = obj?.log as { entries?: unknown } | undefined;
  if (log && typeof log === 'object' && Array.isArray(log.entries)) {
    const result = traceFromHar(value, now);
    return 'error' in result ? fail(result.error) : { ok: true, trace: result.trace, source: 'har', notes: result.notes };
  }
  return fail(`This is JSON, but neither a Forge Bridge trace nor a HAR file (${whatThisIs(value)}).`);
}

/** Times in range and ids once each (importSanity), whichever way the trace was read. */
function checked(result: ImportResult, notes: string[]): ImportResult {
  if (!result.ok) return result;
  const sane = checkImportedTrace(result.trace);
  if (!sane.ok) return fail(sane.error);
  return { ...result, trace: sane.trace, notes: [...result.notes, ...notes, ...sane.notes] };
}

function parseAndRead(text: string, options: ImportOptions): ImportResult {
  if (text.trim() === '') return fail('The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(jsonParseError(text, error));
  }
  try {
    return fromJson(value, options.now ?? Date.now());
  } catch (error) {
    // A shape no check foresaw: say so rather than lose the user's action to an exception.
    return fail(`The file could not be read as a trace or HAR: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Opens a trace file: this tool's traces (every version) or a HAR. Never throws: anything wrong is a message. */
export function importTraceText(text: string, options: ImportOptions = {}): ImportResult {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  // Each UTF-16 unit is 1 to 3 bytes: count them only when the text could be over the limit.
  const tooLarge = text.length * 3 > max ? importSizeError(utf8Length(text), max) : null;
  return tooLarge ? fail(tooLarge) : parseAndRead(text, options);
}

/** The same, from a file's bytes: the size is checked before anything is decoded or parsed. */
export function importTraceBytes(bytes: ArrayBuffer | Uint8Array, options: ImportOptions = {}): ImportResult {
  const tooLarge = importSizeError(bytes.byteLength, options.maxBytes ?? MAX_IMPORT_BYTES);
  if (tooLarge) return fail(tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('The file is not text (UTF-8): is it a trace or a HAR?');
  }
  return parseAndRead(text, options);
}
