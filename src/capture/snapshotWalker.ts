import { SNAPSHOT_MARKER, type Description, type SnapshotValue } from '../protocol/snapshot';
import { describeCollection } from './describeCollection';
import { describeError, isErrorValue } from './describeError';
import { describeLeaf, isCrossOriginWindow } from './describeLeaf';
import { getPrototypeOf, isArray, objectKeys, ObjectPrototype, StringCtor, symbolDescription } from './intrinsics';
import { ACCESSOR, append, cut, MISSING, NAME_CHARS, put, readOwn, record, slots, takeThrown, THREW, thrownText, toArray, tryCall, type Slots } from './ownReads';
import { formatSeg, jsonSize, jsonStringLength } from './snapshotJson';
import type { Seg, SnapshotLimits, WalkContext } from './walkContext';

/**
 * The walk behind takeSnapshot (see snapshot.ts for the promises it keeps). Counts the JSON size of what
 * it emits as it goes; past the budget `over` is set, past the measuring cap `stopped` ends every loop.
 */

export type { SnapshotLimits } from './walkContext';

const M = SNAPSHOT_MARKER;
/** The key an object cut short at `snapshotEntries` gets. */
export const MORE_KEYS_KEY = `${SNAPSHOT_MARKER}:truncated`;
/** Fills a released ancestor slot, so that the walker holds no page object after it is done. */
const NONE: object = {};

/**
 * The walk's stacks (ancestors, their path lengths, path segments) are real arrays filled in advance: a write
 * below the length is a store into an own data property, which meets no setter a page put on Array.prototype
 * and is many times cheaper than a write into an object without a prototype (V8 takes the slow path for
 * indexed stores there). Past the length (deeper than any walk within the limits goes), a defineProperty.
 */
const STACK_SIZE = 64;

function filled<T>(value: T): T[] {
  const s = slots<T>();
  for (let i = 0; i < STACK_SIZE; i++) append(s, value);
  return toArray(s);
}

function setAt<T>(stack: T[], i: number, value: T): void {
  if (i < stack.length) stack[i] = value;
  else put(stack, i, value);
}

interface Stacks {
  objs: object[];
  objSegs: number[];
  segs: Seg[];
}

/** One set of stacks kept between walks; a walk inside a walk (a proxy trap that calls the bridge) gets its own. */
let spare: Stacks | null = null;

function takeStacks(): Stacks {
  const stacks = spare ?? { objs: filled(NONE), objSegs: filled(0), segs: filled<Seg>(0) };
  spare = null;
  return stacks;
}

type Out = Record<string, SnapshotValue>;

function escapeKey(key: string): string {
  if (key[0] !== '$') return key;
  let i = 0;
  while (key[i] === '$') i++;
  return key[i] === 'f' && key[i + 1] === 'b' && key[i + 2] === 'd' && key[i + 3] === 't' ? `$${key}` : key;
}

export class Walker implements WalkContext {
  size = 0;
  truncated = false;
  /** Past the byte budget: the result will be replaced by a description. */
  over = false;
  /** Past the measuring cap: every loop stops. */
  stopped = false;
  /**
   * Ancestors being walked (for cycles) and the path segments down to the current value, with their own
   * top indexes (no push/pop, which a page can patch): stacks filled in advance, see STACK_SIZE.
   */
  private readonly objs: object[];
  private readonly objSegs: number[];
  private objTop = 0;
  private readonly segs: Seg[];
  private segTop = 0;

  private readonly stacks: Stacks = takeStacks();

  constructor(
    readonly lim: SnapshotLimits,
    private readonly cap: number,
  ) {
    this.objs = this.stacks.objs;
    this.objSegs = this.stacks.objSegs;
    this.segs = this.stacks.segs;
  }

  /**
   * Gives the stacks back for the next walk. Nothing of the page is left in them: ancestors are set back to NONE as
   * the walk leaves them, and segments are keys and indexes (strings and numbers).
   */
  release(): void {
    spare = this.stacks;
  }

  add(n: number): void {
    const size = (this.size += n);
    if (size > this.lim.snapshotBytes) {
      this.over = true;
      if (size > this.cap) this.stopped = true;
    }
  }

  desc(d: Description): SnapshotValue {
    this.add(jsonSize(d));
    return d as unknown as SnapshotValue;
  }

  /** Adds `,"key":` (or `"key":` for the first) to the count. */
  addKey(key: string, first: boolean): void {
    this.add(jsonStringLength(key) + (first ? 1 : 2));
  }

  unreadable(error: unknown): SnapshotValue {
    this.truncated = true;
    return this.desc({ [M]: 'unreadable', text: thrownText(error) });
  }

  pushSeg(seg: Seg): void {
    setAt(this.segs, this.segTop++, seg);
  }

  popSeg(): void {
    this.segTop--;
  }

  child(value: unknown, depth: number, seg: Seg): SnapshotValue {
    this.pushSeg(seg);
    const out = this.walk(value, depth);
    this.segTop--;
    return out;
  }

  enter(o: object): void {
    setAt(this.objs, this.objTop, o);
    setAt(this.objSegs, this.objTop++, this.segTop);
  }

  exit(): void {
    this.objs[--this.objTop] = NONE;
  }

  walk(value: unknown, depth: number): SnapshotValue {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        this.add(value ? 4 : 5);
        return value;
      case 'undefined':
        return this.desc({ [M]: 'undefined' });
      case 'bigint': {
        const text = StringCtor(value);
        if (text.length > this.lim.snapshotStringChars) this.truncated = true;
        return this.desc({ [M]: 'bigint', text: cut(text, this.lim.snapshotStringChars) });
      }
      case 'symbol': {
        const d = tryCall(symbolDescription, value);
        return this.desc({ [M]: 'symbol', text: typeof d === 'string' ? cut(d, NAME_CHARS) : '' });
      }
      case 'function':
        return this.fn(value);
      default:
        if (value === null) {
          this.add(4);
          return null;
        }
        return this.object(value as object, depth);
    }
  }

  private string(s: string): SnapshotValue {
    const max = this.lim.snapshotStringChars;
    if (s.length <= max) {
      this.add(jsonStringLength(s));
      return s;
    }
    this.truncated = true;
    return this.desc({ [M]: 'truncated', text: cut(s, max), length: s.length });
  }

  private number(n: number): SnapshotValue {
    if (n !== n) return this.desc({ [M]: 'number', text: 'NaN' });
    if (n === Infinity) return this.desc({ [M]: 'number', text: 'Infinity' });
    if (n === -Infinity) return this.desc({ [M]: 'number', text: '-Infinity' });
    if (n === 0 && 1 / n < 0) return this.desc({ [M]: 'number', text: '-0' });
    this.add(('' + n).length);
    return n;
  }

  private fn(f: unknown): SnapshotValue {
    const o = f as object;
    const name = readOwn(o, 'name');
    const length = readOwn(o, 'length');
    const id = readOwn(o, '__id__');
    const d: Description = { [M]: 'function', text: typeof name === 'string' && name !== '' ? cut(name, NAME_CHARS) : 'anonymous' };
    if (typeof length === 'number' && length === length && length >= 0 && length !== Infinity) put(d, 'length', length);
    if (typeof id === 'string') put(d, 'id', cut(id, NAME_CHARS));
    else if (typeof id === 'number' && id === id && id !== Infinity && id !== -Infinity) put(d, 'id', id);
    return this.desc(d);
  }

  private object(o: object, depth: number): SnapshotValue {
    const objs = this.objs;
    const top = this.objTop;
    for (let i = 0; i < top; i++) {
      if (objs[i] === o) {
        const path = this.pathTo(i);
        return this.desc({ [M]: 'cycle', text: path, path });
      }
    }
    const size = this.size;
    const truncated = this.truncated;
    const segTop = this.segTop;
    try {
      if (depth >= this.lim.snapshotDepth) {
        this.truncated = true;
        return this.desc({ [M]: 'depth', text: isArray(o) ? 'Array' : 'Object' });
      }
      if (isArray(o)) return this.array(o, depth);
      const proto: unknown = getPrototypeOf(o);
      if (proto === ObjectPrototype) return this.plain(o, depth);
      if (proto === null) return isCrossOriginWindow(o) ? this.desc({ [M]: 'window', text: 'Window' }) : this.plain(o, depth);
      const leaf = describeLeaf(o, proto, this.lim.snapshotStringChars);
      if (leaf !== null) return this.desc(leaf);
      const collection = describeCollection(this, o, depth);
      if (collection !== null) return collection;
      if (isErrorValue(o)) return describeError(this, o, depth);
      return this.plain(o, depth);
    } catch (e) {
      // A revoked proxy or a throwing trap. Reads inside the walk are guarded one by one; should
      // anything else throw midway, forget the partial walk.
      this.size = size;
      this.truncated = truncated;
      this.over = size > this.lim.snapshotBytes;
      this.stopped = size > this.cap;
      for (let i = top; i < this.objTop; i++) objs[i] = NONE;
      this.objTop = top;
      this.segTop = segTop;
      return this.unreadable(e);
    }
  }

  private pathTo(index: number): string {
    const n = this.objSegs[index] ?? 0;
    let path = '$';
    for (let i = 0; i < n && path.length < 1000; i++) path += formatSeg(this.segs[i] as Seg);
    return cut(path, 1000);
  }

  /** Items are own data properties: an index getter (on the array or a prototype) is never called. */
  private array(a: readonly unknown[], depth: number): SnapshotValue {
    const lengthRead = readOwn(a, 'length');
    if (lengthRead === THREW) return this.unreadable(takeThrown());
    const len = typeof lengthRead === 'number' && lengthRead >= 0 ? lengthRead : 0;
    const entries = this.lim.snapshotEntries;
    const max = len < entries ? len : entries;
    const out: Slots<SnapshotValue> = slots();
    this.add(2);
    this.enter(a);
    let i = 0;
    for (; i < max && !this.stopped; i++) {
      if (i > 0) this.add(1);
      append(out, this.item(readOwn(a, i), depth, i));
    }
    this.exit();
    if (len > max && !this.stopped) {
      this.truncated = true;
      if (i > 0) this.add(1);
      append(out, this.desc({ [M]: 'truncated', text: `${len - max} more items`, omitted: len - max, length: len }));
    }
    return toArray(out);
  }

  /** What readOwn found under `seg`: a walked value, or a description of why there is none. */
  private item(value: unknown, depth: number, seg: Seg): SnapshotValue {
    if (value === MISSING) return this.desc({ [M]: 'undefined' }); // a hole, or a key a proxy listed but lacks
    if (value === ACCESSOR) {
      this.truncated = true;
      return this.desc({ [M]: 'unreadable', text: 'getter not called' });
    }
    if (value === THREW) return this.unreadable(takeThrown());
    return this.child(value, depth + 1, seg);
  }

  plain(o: object, depth: number): SnapshotValue {
    let keys: string[];
    try {
      keys = objectKeys(o);
    } catch (e) {
      return this.unreadable(e);
    }
    this.enter(o);
    const out = this.keysOf(o, keys, depth, null);
    this.exit();
    return out;
  }

  /** An object of `o`'s own data properties under `keys` (those `skip` refuses left out), counted from `{`. */
  keysOf(o: object, keys: readonly string[], depth: number, skip: ((key: string) => boolean) | null): Out {
    const out: Out = record();
    const entries = this.lim.snapshotEntries;
    this.add(2);
    let count = 0;
    let seen = 0;
    let i = 0;
    for (; i < keys.length && count < entries && !this.stopped; i++) {
      const key = keys[i] as string;
      if (skip !== null && skip(key)) continue;
      seen++;
      const value = readOwn(o, key);
      if (value === MISSING) continue; // a proxy listed a key it does not have
      let outKey = escapeKey(key);
      if (outKey.length > this.lim.snapshotStringChars) {
        this.truncated = true;
        outKey = `${cut(outKey, this.lim.snapshotStringChars)}…`;
      }
      this.addKey(outKey, count === 0);
      count++;
      out[outKey] = this.item(value, depth, key);
    }
    if (this.stopped) return out;
    let rest = 0;
    for (; i < keys.length; i++) if (skip === null || !skip(keys[i] as string)) rest++;
    if (rest > 0) {
      this.truncated = true;
      this.addKey(MORE_KEYS_KEY, count === 0);
      out[MORE_KEYS_KEY] = this.desc({ [M]: 'truncated', text: `${rest} more keys`, omitted: rest, total: seen + rest });
    }
    return out;
  }
}
