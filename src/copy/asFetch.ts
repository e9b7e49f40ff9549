import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import { jsonBody } from './fetchInit';
import { copiedRequestOf, TOKEN_VARIABLE } from './httpRequest';
import { headersSource, jsLiteral, jsString, objectSource } from './jsLiteral';

/**
 * The same request as `fetch()` for a browser console (from its matched network request when given). A
 * JSON body is written as `JSON.stringify(...)` of what it holds (the same JSON, spacing aside).
 * Unless `includeToken`, the token is read from a `FORGE_FIT` constant declared first. null for a call
 * that is not a requestRemote.
 */
export function requestRemoteAsFetch(call: CallRecord, entry: NetworkEntry | null, options: { includeToken: boolean }): string | null {
  const request = copiedRequestOf(call, entry, options.includeToken);
  if (!request) return null;
  const headers: [string, string][] = request.headers.map((h) => [h.name, jsString(h.value)]);
  if (request.tokenHeader !== null) headers.unshift([request.tokenHeader, `\`Bearer \${${TOKEN_VARIABLE}}\``]);
  const init: [string, string][] = [['method', jsString(request.method)]];
  if (headers.length) init.push(['headers', headersSource(headers, '  ')]);
  if (request.body !== null) {
    const parsed = jsonBody(request.body);
    init.push(['body', parsed === null ? jsString(request.body) : `JSON.stringify(${jsLiteral(parsed, '  ')})`]);
  }
  const lines = request.notes.map((note) => `// ${note.replace(/[\r\n]+/g, ' ')}`);
  if (request.tokenHeader !== null) lines.push(`const ${TOKEN_VARIABLE} = '<a fresh FIT: it lives 25 s>';`);
  lines.push(`await fetch(${jsString(request.url)}, ${objectSource(init)});`);
  return lines.join('\n');
}
