import { isNameChar } from './chars';

/** Longest element name read back from a `>` (a namespace prefix included). */
const MAX_NAME = 64;

/**
 * The local name of the start tag a `>` at `gt` closes, when it is a bare one (`<password>`, `<ns:apiKey>`; a tag
 * with attributes is read by the pair rules, as `name="value"`), else null. Reads back at most MAX_NAME characters.
 */
export function startTagNameBefore(text: string, gt: number): string | null {
  let k = gt - 1;
  const stop = Math.max(0, gt - 1 - MAX_NAME);
  while (k >= stop && (isNameChar(text.charCodeAt(k)) || text.charCodeAt(k) === 58)) k--;
  if (k < 0 || k === gt - 1 || text.charCodeAt(k) !== 60) return null;
  const qualified = text.slice(k + 1, gt);
  return qualified.slice(qualified.lastIndexOf(':') + 1) || null;
}
