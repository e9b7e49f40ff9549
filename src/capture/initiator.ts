import type { CallInitiator, StackFrame } from '../protocol/initiator';
import { INITIATOR_FRAMES } from '../protocol/initiator';
import { LIMITS } from '../protocol/limits';
import { getOwnPropertyDescriptor, reflectApply, regexpExec, stringIndexOf, stringSlice } from './intrinsics';
import { append, slots, toArray } from './ownReads';

/**
 * The call site of a bridge call, from a stack captured when the call is made.
 *
 * Reading an Error's `stack` may run page code: V8 calls `Error.prepareStackTrace` when a page set one (as
 * source-map-support does), and a page could redefine Firefox's `Error.prototype.stack` accessor. So the
 * engine's own Error and accessor are taken at load, and no initiator is recorded while a page's
 * prepareStackTrace is set (record less rather than run page code or change what it sees).
 */

const ErrorCtor = Error;
const stackAccessor = getOwnPropertyDescriptor(Error.prototype, 'stack')?.get;

/** `    at fn (url:line:col)`, `    at url:line:col` (V8); `fn@url:line:col` (SpiderMonkey). */
const V8_FRAME = /^\s*at (?:async )?(?:(.*?) \((.*)\)|(.*))$/;
const SPIDERMONKEY_FRAME = /^(.*?)@(.*)$/;
const LOCATION = /^(.*):(\d+):(\d+)$/;

function cut(text: string, max: number): string {
  return text.length > max ? stringSlice(text, 0, max) : text;
}

/** One line of a stack as a frame, or null for a line that is not one (the message line, native code). */
export function parseStackLine(line: string): StackFrame | null {
  let fn = '';
  let where: string | undefined;
  const v8 = regexpExec(V8_FRAME, line);
  if (v8) {
    fn = v8[1] ?? '';
    where = v8[2] ?? v8[3];
  } else {
    const sm = regexpExec(SPIDERMONKEY_FRAME, line);
    if (!sm) return null;
    fn = sm[1] ?? '';
    where = sm[2];
  }
  if (where === undefined) return null;
  // eval code: "eval at f (url:1:2), <anonymous>:3:4" names its host script first.
  if (stringIndexOf(where, 'eval at ') === 0) {
    const inner = regexpExec(/\((.*?:\d+:\d+)\)/, where);
    if (!inner) return null;
    where = inner[1]!;
  }
  const loc = regexpExec(LOCATION, where);
  if (!loc) return null;
  return { fn: cut(fn, LIMITS.commandChars), url: cut(loc[1]!, LIMITS.urlChars), line: +loc[2]!, column: +loc[3]! };
}

/**
 * The frames of a stack text, the first `skip` frames (the hook's own) and any frame in `ownUrl` left out.
 * Lines are cut with indexOf, not split (a page may define String.prototype[Symbol.split]), and frames are
 * gathered in a Slots list that inherits nothing (a page may patch Array.prototype.push): nothing here runs page code.
 */
export function framesOf(stack: string, skip: number, ownUrl: string | null): StackFrame[] {
  const out = slots<StackFrame>();
  let skipped = 0;
  for (let from = 0; from <= stack.length && out.length < INITIATOR_FRAMES; ) {
    const end = stringIndexOf(stack, '\n', from);
    const line = stringSlice(stack, from, end < 0 ? stack.length : end);
    from = end < 0 ? stack.length + 1 : end + 1;
    const frame = parseStackLine(line);
    if (frame === null) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    if (ownUrl !== null && frame.url === ownUrl) continue;
    append(out, frame);
  }
  return toArray(out);
}

function pageSetPrepareStackTrace(): boolean {
  const d = getOwnPropertyDescriptor(ErrorCtor, 'prepareStackTrace');
  return d !== undefined && (d.get !== undefined || d.value !== undefined);
}

function stackText(): string | null {
  if (pageSetPrepareStackTrace()) return null;
  // V8: `stack` is an own property of each error, a data property in some versions and an accessor in others.
  return readStack(new ErrorCtor());
}

/** The URL of the script this module is in (the hook's bundle), to drop its frames wherever they appear. */
function ownScriptUrl(): string | null {
  try {
    const stack = stackText();
    return stack === null ? null : (framesOf(stack, 0, null)[0]?.url ?? null);
  } catch {
    return null;
  }
}

const OWN_URL = ownScriptUrl();

/**
 * A stack captured at the call and read later: V8 records the structured frames at `new Error()` and
 * formats the text only when `stack` is first read, which is most of the cost. So the call path only makes
 * the Error; the hook's channel reads and parses it when it sends the batch (settleInitiator), off the app's
 * call. The frames are those captureInitiator would give (same Error.stackTraceLimit, same skip).
 */
export class PendingInitiator {
  constructor(
    readonly error: Error,
    readonly skip: number,
  ) {}
}

/** The call site of the call being made, read later; null when a page's prepareStackTrace is set. Never throws. */
export function deferInitiator(skip: number): PendingInitiator | null {
  try {
    if (pageSetPrepareStackTrace()) return null;
    // deferInitiator is the first frame.
    return new PendingInitiator(new ErrorCtor(), skip + 1);
  } catch {
    return null;
  }
}

function readStack(error: Error): string | null {
  let stack: unknown;
  if (stackAccessor) stack = reflectApply(stackAccessor, error, []);
  else {
    const own = getOwnPropertyDescriptor(error, 'stack');
    stack = own?.get ? reflectApply(own.get, error, []) : own?.value;
  }
  return typeof stack === 'string' ? stack : null;
}

/**
 * An initiator as it is sent: a pending one read and parsed now (null when it cannot be read safely, e.g. the
 * page set prepareStackTrace since: V8 would call it on this first read), anything else as it is.
 */
export function settleInitiator(value: unknown): CallInitiator | null {
  if (!(value instanceof PendingInitiator)) return (value as CallInitiator | null | undefined) ?? null;
  try {
    if (pageSetPrepareStackTrace()) return null;
    const stack = readStack(value.error);
    if (stack === null) return null;
    const frames = framesOf(stack, value.skip, OWN_URL);
    return frames.length ? { frames } : null;
  } catch {
    return null;
  }
}

/**
 * The initiator of the call being made. `skip`: the caller's own frames above the app's (captureInitiator
 * itself and the wrapper that called it). Never throws; null when the stack cannot be read safely.
 */
export function captureInitiator(skip: number): CallInitiator | null {
  try {
    const stack = stackText();
    if (stack === null) return null;
    // stackText and this function are the first two frames.
    const frames = framesOf(stack, skip + 2, OWN_URL);
    return frames.length ? { frames } : null;
  } catch {
    return null;
  }
}
