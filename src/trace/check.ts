/**
 * A hand-written structural check of a trace before the panel trusts it (the JSON Schemas in schema/ are the
 * documentation and the tests' reference; extension pages may not compile validators at run time).
 * Returns the first problems with their JSON paths.
 */
export function traceProblems(value: unknown, version: 1 | 2, max = 5): string[] {
  const problems: string[] = [];
  const add = (path: string, what: string) => {
    if (problems.length < max) problems.push(`${path}: ${what}`);
  };
  const obj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const need = (o: Record<string, unknown>, path: string, key: string, type: 'string' | 'number' | 'array' | 'object' | 'boolean', nullable = false) => {
    const v = o[key];
    if (nullable && v === null) return;
    const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? obj(v) : typeof v === type && (type !== 'number' || Number.isFinite(v));
    if (!ok) add(`${path}.${key}`, `expected ${nullable ? `${type} or null` : type}`);
  };
  if (!obj(value)) return ['$: expected an object'];
  need(value, '$', 'calls', 'array');
  need(value, '$', 'frames', 'array');
  need(value, '$', 'segments', 'array');
  need(value, '$', 'exportedAt', 'number');
  if (version === 2) {
    need(value, '$', 'network', 'array');
    need(value, '$', 'tokens', 'array');
    need(value, '$', 'matches', 'array');
    need(value, '$', 'settings', 'object');
  }
  (Array.isArray(value.calls) ? value.calls : []).forEach((c: unknown, i: number) => {
    const path = `$.calls[${i}]`;
    if (!obj(c)) return add(path, 'expected an object');
    need(c, path, 'id', 'string');
    need(c, path, 'command', 'string');
    need(c, path, 'kind', 'string');
    need(c, path, 'summary', 'string');
    need(c, path, 'startedAt', 'number');
    need(c, path, 'endedAt', 'number', true);
    need(c, path, 'status', 'string');
    need(c, path, 'request', 'object');
    need(c, path, 'frame', 'object');
    need(c, path, 'deliveries', 'array');
    if (typeof c.status === 'string' && !['ok', 'error', 'pending'].includes(c.status)) add(`${path}.status`, 'expected "ok", "error" or "pending"');
  });
  (Array.isArray(value.network) ? value.network : []).forEach((e: unknown, i: number) => {
    const path = `$.network[${i}]`;
    if (!obj(e)) return add(path, 'expected an object');
    need(e, path, 'id', 'string');
    need(e, path, 'url', 'string');
    need(e, path, 'method', 'string');
    need(e, path, 'startedAt', 'number');
    need(e, path, 'requestHeaders', 'array');
    need(e, path, 'responseHeaders', 'array');
    need(e, path, 'timings', 'object');
  });
  return problems;
}
