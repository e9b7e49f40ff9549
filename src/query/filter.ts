import { httpRequestOf, httpStatusOf } from '../bridge/httpCalls';
import type { CallKind, CallRecord, FrameRecord } from '../protocol/model';

/**
 * The call list's filter, in the manner of DevTools: free text plus `kind:`, `command:`, `status:`, `frame:`,
 * `remote:`, `path:`, `is:error`, `is:pending`, `duration>500` (also <, >=, <=), `size>10k`; `-` negates a
 * term; values may be quoted (`path:"/a b"`). Terms are ANDed.
 */
export type FilterTerm =
  | { type: 'text'; value: string; negate: boolean }
  | { type: 'field'; key: 'kind' | 'command' | 'status' | 'frame' | 'remote' | 'path'; value: string; negate: boolean }
  | { type: 'is'; value: 'error' | 'pending' | 'ok'; negate: boolean }
  | { type: 'compare'; key: 'duration' | 'size'; op: '>' | '<' | '>=' | '<=' | '='; value: number; negate: boolean };

export interface ParsedFilter {
  terms: FilterTerm[];
  /** Terms that were not understood (shown underlined); they are matched as free text. */
  problems: { term: string; message: string }[];
}

export interface FilterRow {
  call: CallRecord;
  frame?: FrameRecord | null;
}

const FIELDS = new Set(['kind', 'command', 'status', 'frame', 'remote', 'path']);
const KIND_ALIASES: Record<string, CallKind> = {
  resolver: 'resolver', invoke: 'resolver', invokeremote: 'invokeRemote', invokeservice: 'invokeService', requestremote: 'requestRemote',
  product: 'product', context: 'context', events: 'events', event: 'events', realtime: 'realtime', navigation: 'navigation', modal: 'modal',
  flag: 'flag', uikit: 'uikit', 'ui-kit': 'uikit', ui_kit: 'uikit', other: 'other',
};

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /-?(?:[A-Za-z]+(?::|>=|<=|>|<|=))?(?:"[^"]*"?|\S+)|"[^"]*"?/g;
  for (const match of text.matchAll(re)) out.push(match[0]);
  return out;
}

const unquote = (v: string) => (v.startsWith('"') ? v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined) : v);

function sizeValue(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(k|kb|m|mb)?$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1);
}

function durationValue(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/i.exec(text);
  if (!m) return null;
  return Number(m[1]) * ((m[2] ?? '').toLowerCase() === 's' ? 1000 : 1);
}

export function parseFilter(text: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: ParsedFilter['problems'] = [];
  for (const raw of tokenize(text.trim())) {
    const negate = raw.length > 1 && raw.startsWith('-');
    const body = negate ? raw.slice(1) : raw;
    const compare = /^(duration|size)(>=|<=|>|<|=)(.+)$/i.exec(body);
    if (compare) {
      const key = compare[1]!.toLowerCase() as 'duration' | 'size';
      const value = key === 'size' ? sizeValue(compare[3]!) : durationValue(compare[3]!);
      if (value === null) problems.push({ term: raw, message: `${key} needs a number${key === 'size' ? ' (10k, 2mb)' : ' (500, 2s)'}` });
      else terms.push({ type: 'compare', key, op: compare[2] as '>', value, negate });
      continue;
    }
    const field = /^([A-Za-z]+):(.*)$/.exec(body);
    if (field) {
      const key = field[1]!.toLowerCase();
      const value = unquote(field[2]!);
      if (key === 'is') {
        if (value === 'error' || value === 'pending' || value === 'ok') terms.push({ type: 'is', value, negate });
        else problems.push({ term: raw, message: 'is: takes error, pending or ok' });
        continue;
      }
      if (FIELDS.has(key)) {
        if (key === 'kind' && !KIND_ALIASES[value.toLowerCase().replace(/\s+/g, '')]) problems.push({ term: raw, message: `unknown kind ${value}` });
        terms.push({ type: 'field', key: key as 'kind', value, negate });
        continue;
      }
      problems.push({ term: raw, message: `unknown filter ${key}: (kind, command, status, frame, remote, path, is, duration, size)` });
    }
    const value = unquote(body);
    if (value) terms.push({ type: 'text', value, negate });
  }
  return { terms, problems };
}

const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();

function statusMatches(call: CallRecord, value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'ok' || v === 'error' || v === 'pending') return call.status === v;
  const http = httpStatusOf(call.command, call.request.value, call.response?.value ?? null);
  if (http === null) return false;
  if (/^\dxx$/.test(v)) return Math.floor(http / 100) === Number(v[0]);
  return String(http) === v;
}

function durationOf(call: CallRecord): number | null {
  return call.endedAt === null ? null : call.endedAt - call.startedAt;
}

function compare(actual: number | null, op: string, expected: number): boolean {
  if (actual === null) return false;
  switch (op) {
    case '>': return actual > expected;
    case '<': return actual < expected;
    case '>=': return actual >= expected;
    case '<=': return actual <= expected;
    default: return actual === expected;
  }
}

function termMatches(term: FilterTerm, row: FilterRow): boolean {
  const { call, frame } = row;
  switch (term.type) {
    case 'text': {
      const v = term.value.toLowerCase();
      return lower(call.summary).includes(v) || lower(call.command).includes(v) || lower(frame?.url).includes(v);
    }
    case 'is':
      return call.status === term.value;
    case 'compare':
      return compare(term.key === 'duration' ? durationOf(call) : call.request.bytes + (call.response?.bytes ?? call.error?.bytes ?? 0), term.op, term.value);
    case 'field': {
      const v = term.value.toLowerCase();
      switch (term.key) {
        case 'kind': return call.kind === (KIND_ALIASES[v.replace(/\s+/g, '')] ?? v);
        case 'command': return lower(call.command) === v;
        case 'status': return statusMatches(call, term.value);
        case 'frame': return lower(frame?.url).includes(v) || lower(call.frameKey).includes(v);
        case 'remote': return lower(httpRequestOf(call.command, call.request.value)?.remoteKey).includes(v);
        case 'path': return lower(httpRequestOf(call.command, call.request.value)?.path).includes(v);
      }
    }
  }
  return false;
}

/** Whether a call passes every term of the filter. */
export function matchCall(filter: ParsedFilter, row: FilterRow): boolean {
  for (const term of filter.terms) if (termMatches(term, row) === term.negate) return false;
  return true;
}
