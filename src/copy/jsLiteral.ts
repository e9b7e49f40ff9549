import { MORE_KEYS_KEY } from '../capture/snapshot';
import { isDescription, SNAPSHOT_MARKER, type Description, type SnapshotValue } from '../protocol/snapshot';

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** A single-quoted JavaScript string literal. */
export function jsString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `'${text.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

const COMMENT_TEXT_MAX = 80;

/** Text safe inside a block comment: one line, no `*\/`, bounded. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
  return flat.length > COMMENT_TEXT_MAX ? `${flat.slice(0, COMMENT_TEXT_MAX - 1)}…` : flat;
}

/** What a description stands for, in words: the value was not recorded, so it is never written as data. */
export function describeInWords(d: Description): string {
  const kind = String(d[SNAPSHOT_MARKER]);
  const text = typeof d.text === 'string' ? d.text : '';
  if (kind === 'truncated' && typeof d.length === 'number' && typeof d.omitted !== 'number') {
    return `not recorded: a string of ${d.length} characters starting ${JSON.stringify(text)}`;
  }
  if (kind === 'truncated' && d.whole === true) return `not recorded: the value was too large${text ? `; it starts ${text}` : ''}`;
  if (kind === 'truncated') return `not recorded: ${text || 'cut short'}`;
  return text ? `${kind}: ${text}` : kind;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const propertyName = (key: string) => (IDENTIFIER.test(key) ? key : jsString(key));
/** Above this, an object or array is written one entry a line. */
const INLINE_MAX = 72;

/** "12 more items" / "3 more keys": an entry that stands for entries not recorded. */
const isOmission = (value: SnapshotValue): boolean => isDescription(value) && value[SNAPSHOT_MARKER] === 'truncated' && typeof value.omitted === 'number';

/** Each entry as source: `value` or `key: value`, and a bare comment for entries not recorded. */
function entriesOf(value: SnapshotValue[] | { [key: string]: SnapshotValue }, indent: string): string[] {
  const inner = `${indent}  `;
  const entry = (prefix: string, v: SnapshotValue) => (isOmission(v) ? `/* ${commentText(describeInWords(v as Description))} */` : `${prefix}${jsLiteral(v, inner)}`);
  if (Array.isArray(value)) return value.map((v) => entry('', v));
  return Object.entries(value).map(([key, v]) => entry(key === MORE_KEYS_KEY ? '' : `${propertyName(key)}: `, v));
}

/** Entries laid out on one line when short, else one a line (a bare comment takes no comma). */
function layout(open: string, close: string, items: readonly string[], indent: string, pad: string): string {
  if (items.length === 0) return `${open}${close}`;
  const inline = `${open}${pad}${items.join(', ')}${pad}${close}`;
  if (inline.length + indent.length <= INLINE_MAX && !inline.includes('\n')) return inline;
  return `${open}\n${items.map((item) => `${indent}  ${item}${item.startsWith('/*') ? '' : ','}`).join('\n')}\n${indent}${close}`;
}

/** An object literal from entries whose values are already source text (written at `indent` + 2). */
export function objectSource(entries: readonly (readonly [key: string, source: string])[], indent = ''): string {
  return layout('{', '}', entries.map(([key, source]) => `${propertyName(key)}: ${source}`), indent, ' ');
}

/** An array literal from items that are already source text (written at `indent` + 2). */
function arraySource(items: readonly string[], indent = ''): string {
  return layout('[', ']', items, indent, '');
}

/** Headers as an object literal when their names are distinct (as apps write them), else as `[name, value]` pairs. */
export function headersSource(headers: readonly (readonly [name: string, source: string])[], indent = ''): string {
  const distinct = new Set(headers.map(([name]) => name.toLowerCase())).size === headers.length;
  return distinct ? objectSource(headers, indent) : arraySource(headers.map(([name, source]) => `[${jsString(name)}, ${source}]`), indent);
}

/**
 * A snapshot value as JavaScript source. Values that were not recorded as they were (functions, cut
 * strings, omitted entries) become `undefined` with a comment saying what they were: never made-up data.
 */
export function jsLiteral(value: SnapshotValue | undefined, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (isDescription(value)) return `undefined /* ${commentText(describeInWords(value))} */`;
  if (typeof value === 'string') return jsString(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? layout('[', ']', entriesOf(value, indent), indent, '') : layout('{', '}', entriesOf(value, indent), indent, ' ');
}
