import { callValueBytes, durationOf } from '../protocol/model';
import { httpOf, httpStatusOfCall } from './callFacts';
import { callFailed } from './outcome';
import type { CompareOp, FilterRow, FilterTerm, ParsedFilter } from './types';

export type RowTest = (row: FilterRow) => boolean;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A case-insensitive substring test that allocates nothing per row. */
const containing = (value: string) => new RegExp(escapeRegExp(value), 'i');

function compared(op: CompareOp, expected: number): (actual: number | null) => boolean {
  switch (op) {
    case '>': return (actual) => actual !== null && actual > expected;
    case '<': return (actual) => actual !== null && actual < expected;
    case '>=': return (actual) => actual !== null && actual >= expected;
    case '<=': return (actual) => actual !== null && actual <= expected;
    default: return (actual) => actual === expected;
  }
}

function positiveTest(term: FilterTerm): RowTest {
  switch (term.type) {
    case 'text': {
      const re = containing(term.value);
      return ({ call, frame }) => re.test(call.summary) || re.test(call.command) || (frame != null && re.test(frame.url));
    }
    case 'kind':
      return ({ call }) => call.kind === term.kind;
    case 'command': {
      const re = new RegExp(`^${escapeRegExp(term.value)}$`, 'i');
      return ({ call }) => re.test(call.command);
    }
    case 'status':
      // is:error / status:error mean a failed call in the one sense of callOutcome (HTTP 4xx/5xx included).
      return term.status === 'error'
        ? ({ call }) => callFailed(call)
        : term.status === 'ok'
          ? ({ call }) => call.status !== 'pending' && !callFailed(call)
          : ({ call }) => call.status === 'pending';
    case 'http-status':
      return ({ call }) => {
        const status = httpStatusOfCall(call);
        return status !== null && status >= term.from && status <= term.to;
      };
    case 'frame': {
      const re = containing(term.value);
      return ({ frame, moduleKey }) => (frame != null && re.test(frame.url)) || (moduleKey != null && re.test(moduleKey));
    }
    case 'remote': {
      const re = containing(term.value);
      return ({ call }) => {
        const key = httpOf(call)?.remoteKey;
        return key != null && re.test(key);
      };
    }
    case 'path': {
      const re = containing(term.value);
      return ({ call }) => {
        const path = httpOf(call)?.path;
        return path != null && re.test(path);
      };
    }
    case 'compare': {
      const test = compared(term.op, term.value);
      return term.key === 'duration' ? ({ call }) => test(durationOf(call)) : ({ call }) => test(callValueBytes(call));
    }
  }
}

function termTest(term: FilterTerm): RowTest {
  const test = positiveTest(term);
  return term.negate ? (row) => !test(row) : test;
}

/** One test per term, built once per parsed filter. */
export function compileFilter(filter: ParsedFilter): readonly RowTest[] {
  return filter.terms.map(termTest);
}
