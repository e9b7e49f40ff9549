import { utf8Length } from './utf8';

/** Where JSON.parse stopped, from its message: V8 says "position N", Firefox "line L column C". */
function errorOffset(text: string, message: string): number | null {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (!lineColumn) return null;
  let offset = 0;
  for (let line = 1; line < Number(lineColumn[1]); line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return null;
    offset = next + 1;
  }
  return offset + Number(lineColumn[2]) - 1;
}

/**
 * Why a text is not JSON, for people: a file that stops early (a cut download or copy) is told apart from
 * one that is not JSON at all, and both name where (in bytes of the file, as a hex editor counts).
 */
export function jsonParseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const offset = errorOffset(text, message);
  const end = text.trimEnd().length;
  const endsEarly = /end of (json )?input|end of data|unterminated/i.test(message) || (offset !== null && offset >= end);
  if (endsEarly) {
    return `The file is not complete JSON: it stops in the middle (it ends at byte ${utf8Length(text).toLocaleString('en')}). Was the download or copy cut short?`;
  }
  const where = offset !== null ? ` at byte ${utf8Length(text.slice(0, offset)).toLocaleString('en')} (near ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset + 20))})` : '';
  return `The file is not JSON: it breaks${where}: ${message}`;
}
