import { isNameChar } from './chars';
import type { RedactionPass } from './pass';

const MAX_NAME = 64;
/** A document longer than this (real ones are a few kilobytes) is not read for its variables: all of them are masked. */
const MAX_DOCUMENT = 65_536;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 44;

/**
 * The variables a GraphQL document passes to an argument with a sensitive name (`login(token: $t)` makes `t`
 * sensitive), so that `variables.t` is masked as `token` would be; 'all' for a document over MAX_DOCUMENT. One
 * pass over the document's `$` signs, each reading back at most a name's length.
 */
export function sensitiveVariables(query: string, pass: RedactionPass): Set<string> | 'all' {
  if (query.length > MAX_DOCUMENT) return 'all';
  const out = new Set<string>();
  for (let dollar = query.indexOf('$'); dollar !== -1; dollar = query.indexOf('$', dollar + 1)) {
    let k = dollar - 1;
    while (k >= 0 && isSpace(query.charCodeAt(k))) k--;
    if (query.charCodeAt(k) !== 58) continue;
    k--;
    while (k >= 0 && isSpace(query.charCodeAt(k))) k--;
    const nameEnd = k + 1;
    while (k >= 0 && nameEnd - k <= MAX_NAME && isNameChar(query.charCodeAt(k))) k--;
    const argument = query.slice(k + 1, nameEnd);
    if (argument === '' || !pass.isSensitive(argument)) continue;
    let end = dollar + 1;
    while (end < query.length && end - dollar <= MAX_NAME && isNameChar(query.charCodeAt(end))) end++;
    if (end > dollar + 1) out.add(query.slice(dollar + 1, end));
  }
  return out;
}
