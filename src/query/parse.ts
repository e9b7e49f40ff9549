import { kindFromName } from './kindNames';
import { splitTerms, unquote, type RawTerm } from './splitTerms';
import type { CompareOp, FilterProblem, FilterTerm, ParsedFilter } from './types';
import { durationValue, httpStatusRange, outcomeValue, sizeValue } from './values';

const KEYS = ['kind', 'command', 'status', 'frame', 'remote', 'path', 'is', 'duration', 'size'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set(KEYS);
const KEY_LIST = KEYS.join(', ');

/** `key:value`, `key>value`, `key:>=value`; the key starts with a letter. */
const KEYED = /^([A-Za-z][\w-]*)(:(?:>=|<=|>|<|=)?|>=|<=|>|<)(.*)$/s;

type Outcome = FilterTerm | { problem: string } | null;

function keyedTerm(key: string, sep: string, rawValue: string, negate: boolean): Outcome {
  const value = unquote(rawValue);
  const op = sep.replace(':', '') as CompareOp | '';
  if (key === 'duration' || key === 'size') {
    if (!op) return { problem: `${key} needs a comparison, e.g. ${key === 'size' ? 'size>10k' : 'duration>500'}` };
    const number = key === 'size' ? sizeValue(value) : durationValue(value);
    if (number === null) return { problem: `${key} needs a number${key === 'size' ? ' (500, 10k, 2mb)' : ' in ms (500, 2s)'}` };
    return { type: 'compare', key, op, value: number, negate };
  }
  if (op) return { problem: `${key} takes ${key}:value, not a comparison` };
  if (value === '') return { problem: `${key}: needs a value` };
  switch (key) {
    case 'kind': {
      const kind = kindFromName(value);
      return kind ? { type: 'kind', kind, negate } : { problem: `unknown kind "${value}"` };
    }
    case 'is': {
      const status = outcomeValue(value);
      return status ? { type: 'status', status, negate } : { problem: 'is: takes error, pending or ok' };
    }
    case 'status': {
      const status = outcomeValue(value);
      if (status) return { type: 'status', status, negate };
      const range = httpStatusRange(value);
      return range ? { type: 'http-status', ...range, negate } : { problem: 'status: takes ok, error, pending, an HTTP status (404) or a class (5xx)' };
    }
    case 'command':
      return { type: 'command', value, negate };
    default:
      return { type: key as 'frame' | 'remote' | 'path', value, negate };
  }
}

/** The term a raw term stands for, a problem, or null for plain text. */
function interpret(raw: RawTerm): Outcome {
  if (raw.body.startsWith('"')) return null;
  const keyed = KEYED.exec(raw.body);
  if (!keyed) return null;
  const key = keyed[1]!.toLowerCase();
  const sep = keyed[2]!;
  const value = keyed[3]!;
  if (KNOWN_KEYS.has(key)) return keyedTerm(key, sep, value, raw.negate);
  // `a=b` (a query string) and `http://…` (a URL) are text people search for, not misspelt keys.
  if (sep === '=' || value.startsWith('//')) return null;
  return { problem: `unknown filter "${keyed[1]}" (known: ${KEY_LIST})` };
}

/**
 * Parses DevTools-style filter input. Anything not understood is reported in `problems` and matched as
 * free text, so that a typo narrows the list visibly instead of being dropped.
 */
export function parseFilter(text: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: FilterProblem[] = [];
  for (const raw of splitTerms(String(text ?? ''))) {
    const outcome = interpret(raw);
    if (outcome !== null && !('problem' in outcome)) {
      terms.push(outcome);
      continue;
    }
    if (outcome !== null) problems.push({ term: text.slice(raw.start, raw.end), start: raw.start, end: raw.end, message: outcome.problem });
    const value = unquote(raw.body);
    if (value !== '') terms.push({ type: 'text', value, negate: raw.negate });
  }
  return { terms, problems };
}
