// src/redact/multipart.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
import { REDACTED, removed, type RedactionPass } from './pass';

/** Where a part's body starts: after the first empty line (LF or CRLF) from `from`, or -1. */
function afterBlankLine(text: string, from: number): number {
  let k = from;
  while (k !== -1) {
    if (text[k + 1] === '\n') return k + 2;
    if (text[k + 1] === '\r' && text[k + 2] === '\n') return k + 3;
    k = text.indexOf('\n', k + 1);
  }
  return -1;
}

/**
 * multipart/form-data: the value of every part whose field name is sensitive is replaced (files and other
 * parts stay, and are then scanned as text). One forward search: linear.
 */
export function maskMultipartFields(text: string, pass: RedactionPass): string {
  let at = text.indexOf('form-data');
  if (at === -1) return text;
  let out = '';
  let last = 0;
  while (at !== -1) {
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) break;
    // Only the Content-Disposition line is searched for the name: lines are disjoint, so this stays linear.
    const line = text.slice(at, lineEnd);
    const nameAt = line.indexOf('name="');
    const nameEnd = nameAt === -1 ? -1 : line.indexOf('"', nameAt + 6);
    if (nameEnd === -1) {
      at = text.indexOf('form-data', lineEnd);
      continue;
    }
    const bodyStart = afterBlankLine(text, lineEnd);
    if (bodyStart === -1) break;
    const next = text.indexOf('\n--', bodyStart);
    const bodyEnd = next === -1 ? text.length : text[next - 1] === '\r' ? next - 1 : next;
    const value = text.slice(bodyStart, bodyEnd);
    if (pass.isSensitive(line.slice(nameAt + 6, nameEnd)) && value !== '' && value !== REDACTED) {
      out += text.slice(last, bodyStart) + REDACTED;
      last = bodyEnd;
      removed(pass, 'sensitiveKeys');
    }
    at = next === -1 ? -1 : text.indexOf('form-data', bodyEnd);
  }
  return last === 0 ? text : out + text.slice(last);
}
