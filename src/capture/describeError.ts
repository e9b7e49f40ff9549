import { SNAPSHOT_MARKER, type Description, type SnapshotValue } from '../protocol/snapshot';
import { errorIsError, ErrorPrototype, isPrototypeOf, objectKeys } from './intrinsics';
import { ACCESSOR, cut, MISSING, NAME_CHARS, put, readInherited, readOwn, stackFormattingRunsPageCode, THREW } from './ownReads';
import type { WalkContext } from './walkContext';

const M = SNAPSHOT_MARKER;
/** Characters of an error's stack kept. */
export const STACK_CHARS = 2000;

/** A real error (Error.isError, where the engine has it), or an object inheriting Error.prototype. */
export function isErrorValue(o: object): boolean {
  if (errorIsError !== undefined && errorIsError(o)) return true;
  return isPrototypeOf(ErrorPrototype, o);
}

function isErrorOwnKey(key: string): boolean {
  return key === 'message' || key === 'name' || key === 'stack' || key === 'cause';
}

/**
 * An error: name and message as [[Get]] would find them but only from data properties (own, then the
 * prototypes: `TypeError.prototype.name`) or engine getters (a DOMException's), never a page getter; the
 * stack through the engine's own getter unless the page set Error.prepareStackTrace (V8 would run it);
 * other own enumerable properties under `props`, and a data `cause` walked.
 */
export function describeError(w: WalkContext, o: object, depth: number): SnapshotValue {
  const name = readInherited(o, 'name');
  const message = readInherited(o, 'message');
  const stack = stackFormattingRunsPageCode() ? MISSING : readInherited(o, 'stack');
  const d: Description = {
    [M]: 'error',
    text: typeof message === 'string' ? cut(message, w.lim.snapshotStringChars) : '',
    name: typeof name === 'string' ? cut(name, NAME_CHARS) : 'Error',
  };
  if (typeof stack === 'string') put(d, 'stack', cut(stack, STACK_CHARS));
  w.desc(d); // counts it
  w.enter(o);
  let keys: string[] = [];
  try {
    keys = objectKeys(o);
  } catch {
    // no extra properties then
  }
  let extra = 0;
  for (let i = 0; i < keys.length; i++) if (!isErrorOwnKey(keys[i] as string)) extra++;
  if (extra > 0 && !w.stopped) {
    w.addKey('props', false);
    w.pushSeg('props');
    put(d, 'props', w.keysOf(o, keys, depth + 1, isErrorOwnKey));
    w.popSeg();
  }
  const cause = readOwn(o, 'cause');
  if (cause !== MISSING && cause !== ACCESSOR && cause !== THREW && !w.stopped) {
    w.addKey('cause', false);
    put(d, 'cause', w.child(cause, depth + 1, 'cause'));
  }
  w.exit();
  return d as unknown as SnapshotValue;
}
