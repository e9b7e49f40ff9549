/** Building blocks of the hand-written validators: each throws Invalid with a path, `run` turns that into a reason. */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown internally with a path-less reason; paths are prefixed while unwinding. */
export class Invalid {
  constructor(
    public path: string,
    public message: string,
  ) {}
}

export function fail(path: string, message: string): never {
  throw new Invalid(path, message);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  if (t === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'a number' : String(value);
  if (t === 'object') return 'an object';
  return t === 'undefined' ? 'undefined' : `a ${t}`;
}

export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/**
 * A plain object: prototype null, or a prototype whose own prototype is null (Object.prototype of this
 * realm or of another one: data from a MessagePort may come from the page's realm). Class instances,
 * Dates, Maps, RegExps, boxed primitives and the like are refused.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
  return Object.prototype.toString.call(value) === '[object Object]';
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, `expected a plain object, got ${describe(value)}`);
  return value;
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function str(obj: Record<string, unknown>, key: string, path: string, max: number, min = 0): string {
  const v = obj[key];
  if (typeof v !== 'string') fail(join(path, key), `expected a string, got ${describe(v)}`);
  if (v.length > max) fail(join(path, key), `string longer than ${max} characters (${v.length})`);
  if (v.length < min) fail(join(path, key), min === 1 ? 'expected a non-empty string' : `string shorter than ${min} characters`);
  return v;
}

export function bool(obj: Record<string, unknown>, key: string, path: string): boolean {
  const v = obj[key];
  if (typeof v !== 'boolean') fail(join(path, key), `expected a boolean, got ${describe(v)}`);
  return v;
}

/** Epoch milliseconds: finite and not negative. */
export function time(obj: Record<string, unknown>, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(join(path, key), `expected a finite non-negative number, got ${describe(v)}`);
  return v;
}

export function positiveInt(obj: Record<string, unknown>, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) fail(join(path, key), 'expected a positive integer');
  return v;
}

export function nonNegativeInt(obj: Record<string, unknown>, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(join(path, key), 'expected a non-negative integer');
  return v;
}

export function oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, allowed: ReadonlySet<string>): T {
  const v = obj[key];
  if (typeof v !== 'string' || !allowed.has(v)) fail(join(path, key), `expected one of ${[...allowed].map((a) => `"${a}"`).join(', ')}`);
  return v as T;
}

export function run<T>(parse: () => T): ParseResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (e) {
    if (e instanceof Invalid) {
      const reason = e.path === '' ? e.message : `${e.path}: ${e.message}`;
      return { ok: false, reason: reason.length > 500 ? `${reason.slice(0, 500)}…` : reason };
    }
    // A value that throws while being read (a getter, a revoked proxy) is refused like any other bad input.
    return { ok: false, reason: 'unreadable message' };
  }
}


/**
 * A message whose `type` picks its validator (an own key of `parsers`, so '__proto__' or 'toString' pick
 * nothing); any other type is refused, naming the ones known.
 */
export function byType<T>(data: unknown, parsers: Readonly<Record<string, (m: Record<string, unknown>) => T>>): ParseResult<T> {
  return run(() => {
    const m = record(data, 'message');
    const type = m.type;
    if (typeof type === 'string' && Object.hasOwn(parsers, type)) return parsers[type]!(m);
    const known = Object.keys(parsers).map((t) => quote(t));
    return fail('type', `expected ${known.slice(0, -1).join(', ')}${known.length > 1 ? ' or ' : ''}${known.at(-1)}, got ${typeof type === 'string' ? quote(type) : describe(type)}`);
  });
}
