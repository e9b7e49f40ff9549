import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import { copiedRequestOf, TOKEN_VARIABLE } from './httpRequest';

/** POSIX shell single quotes: every `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A requestRemote call as a cURL command (from its matched network request when given). Unless
 * `includeToken`, the token is `$FORGE_FIT`, left outside quotes for the shell to fill in. Notes on
 * placeholders come first as `#` comments. null for a call that is not a requestRemote.
 */
export function requestRemoteAsCurl(call: CallRecord, entry: NetworkEntry | null, options: { includeToken: boolean }): string | null {
  const request = copiedRequestOf(call, entry, options.includeToken);
  if (!request) return null;
  const args = [`curl ${shellQuote(request.url)}`];
  if (request.method !== 'GET' || request.body !== null) args.push(`-X ${shellQuote(request.method)}`);
  if (request.tokenHeader !== null) args.push(`-H ${shellQuote(`${request.tokenHeader}: Bearer `)}"$${TOKEN_VARIABLE}"`);
  for (const h of request.headers) args.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  if (request.body !== null) args.push(`--data-raw ${shellQuote(request.body)}`);
  const notes = request.notes.map((note) => `# ${note.replace(/[\r\n]+/g, ' ')}`);
  if (request.tokenHeader !== null) notes.push(`# Set ${TOKEN_VARIABLE} to a fresh FIT first: it lives 25 s.`);
  return [...notes, args.join(' \\\n  ')].join('\n');
}
