import type { TraceV1, TraceV2 } from '../protocol/model';
import { traceProblems } from './check';
import { traceFromHar } from './fromHar';
import type { Har } from './har';
import { migrateV1toV2 } from './migrate';

export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
export const CURRENT_VERSION = 2;

export type ImportResult = { ok: true; trace: TraceV2; source: 'trace-v1' | 'trace-v2' | 'har'; notes: string[] } | { ok: false; error: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The message for a file too large to open, or null; checked before a file is read. */
export function importSizeError(bytes: number, max = MAX_IMPORT_BYTES): string | null {
  return bytes > max ? `The file is ${mb(bytes)}; the largest file this viewer opens is ${mb(max)}. Export fewer calls (clear the log first, or filter) and try again.` : null;
}

function tooLarge(bytes: number, max: number): ImportResult | null {
  const error = importSizeError(bytes, max);
  return error ? { ok: false, error } : null;
}

function parseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (json )?input|unterminated|unexpected end/i.test(message)) {
    return `The file is not complete JSON: it stops in the middle (after ${text.length.toLocaleString('en')} characters). Was the download or copy cut short?`;
  }
  const at = /position (\d+)/.exec(message)?.[1];
  return `The file is not JSON${at ? ` (at character ${Number(at).toLocaleString('en')})` : ''}: ${message}`;
}

/** Opens a trace file: this tool's traces (every version) or a HAR; a clear message otherwise. Never throws. */
export function importTraceText(text: string, options: { maxBytes?: number; now?: number } = {}): ImportResult {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  // UTF-16 length is a lower bound of the bytes: cheap, and enough to refuse before parsing.
  const large = tooLarge(text.length, max);
  if (large) return large;
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: parseError(text, error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: `The file is JSON but holds ${Array.isArray(value) ? 'a list' : String(value === null ? 'null' : typeof value)}, not a trace or a HAR.` };
  const obj = value as Record<string, unknown>;
  if (obj.format === 'forge-bridge-trace') {
    const version = obj.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: `The trace has no usable version (found ${JSON.stringify(version)}).` };
    if (version > CURRENT_VERSION) return { ok: false, error: `This trace was made by a newer Forge Bridge DevTools (trace version ${version}; this one reads up to ${CURRENT_VERSION}). Update the extension to open it.` };
    const problems = traceProblems(value, version as 1 | 2);
    if (problems.length > 0) return { ok: false, error: `The trace is damaged: ${problems.join('; ')}.` };
    return version === 1
      ? { ok: true, trace: migrateV1toV2(value as TraceV1), source: 'trace-v1', notes: ['A version 1 trace: calls only (no network entries, tokens or matches were recorded then).'] }
      : { ok: true, trace: value as TraceV2, source: 'trace-v2', notes: [] };
  }
  const log = obj.log as { entries?: unknown } | undefined;
  if (log && typeof log === 'object' && Array.isArray(log.entries)) {
    const result = traceFromHar(value as Har, options.now ?? Date.now());
    return 'error' in result ? { ok: false, error: result.error } : { ok: true, trace: result.trace, source: 'har', notes: result.notes };
  }
  const keys = Object.keys(obj).slice(0, 6);
  return { ok: false, error: `This is JSON, but neither a Forge Bridge trace nor a HAR file (its top-level keys: ${keys.length ? keys.join(', ') : 'none'}).` };
}

/** The same, from a file's bytes: the size is checked before anything is decoded. */
export function importTraceBytes(bytes: ArrayBuffer | Uint8Array, options: { maxBytes?: number; now?: number } = {}): ImportResult {
  const large = tooLarge(bytes.byteLength, options.maxBytes ?? MAX_IMPORT_BYTES);
  if (large) return large;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'The file is not text (UTF-8): is it a trace or a HAR?' };
  }
  return importTraceText(text, options);
}

