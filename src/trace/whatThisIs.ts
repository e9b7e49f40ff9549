const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a JSON value that is neither a trace nor a HAR looks like, in a few words, for an error message. */
export function whatThisIs(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((e) => isObject(e) && 'ph' in e && 'ts' in e)) return 'a Chrome performance trace: a list of trace events';
    return `a list of ${value.length} items`;
  }
  if (!isObject(value)) return value === null ? 'null' : `a ${typeof value}`;
  if (Array.isArray(value.traceEvents)) return 'a Chrome performance trace (traceEvents), not a network or bridge recording';
  if (typeof value.format === 'string') return `its format: "${value.format.slice(0, 60)}"`;
  if (isObject(value.log)) return 'a "log" without a "log.entries" list, so not a whole HAR';
  const keys = Object.keys(value);
  return keys.length === 0 ? 'an empty object' : `its top-level keys: ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}`;
}
