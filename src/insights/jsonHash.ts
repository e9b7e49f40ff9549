import { StackLender } from './stackLender';

/**
 * A cheap 32-bit hash of a value that JSON.stringify gives equal text for: equal JSON always gives an equal
 * hash (the reverse need not hold, so a caller confirms equal hashes with the JSON itself). It walks the value
 * once without building strings, the way JSON.stringify would read it (own enumerable keys in order, -0 as 0,
 * NaN and the infinities as null). A value that is not plain JSON data (undefined, functions, symbols, bigints,
 * array holes, objects that are not plain, which JSON.stringify omits, converts or calls toJSON on) gives
 * UNSURE: the caller must then compare by JSON alone. Long strings are read at their ends and middle only,
 * which keeps a 64 kB payload cheap and makes the hash coarser, never wrong.
 */
export const UNSURE = 0;

/** Characters read from each of a long string's start, middle and end. */
const STRING_SAMPLE = 32;

const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);

function hashString(h: number, s: string): number {
  h = mix(h, s.length);
  if (s.length <= 3 * STRING_SAMPLE) {
    for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
    return h;
  }
  const middle = (s.length - STRING_SAMPLE) >> 1;
  for (let i = 0; i < STRING_SAMPLE; i++) h = mix(mix(mix(h, s.charCodeAt(i)), s.charCodeAt(middle + i)), s.charCodeAt(s.length - 1 - i));
  return h;
}

function hashNumber(h: number, n: number): number {
  if (!Number.isFinite(n)) return mix(h, 3); // JSON writes null, as for null itself
  const whole = n | 0;
  h = mix(mix(h, 5), whole); // -0 | 0 is 0, as JSON writes it
  return whole === n ? h : mix(h, Math.floor((n - whole) * 1e9) | 0);
}

const plain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const stacks = new StackLender<unknown>();

/** The hash of `value`, seeded with `seed` (e.g. a command name, so equal payloads of different commands differ). */
export function jsonHash(value: unknown, seed = ''): number {
  let h = hashString(0x811c9dc5, seed);
  const stack = stacks.borrow();
  let top = 0;
  stack[top++] = value;
  try {
    while (top > 0) {
      const v = stack[--top];
      stack[top] = undefined;
      if (v === null) h = mix(h, 3);
      else if (v === true) h = mix(h, 7);
      else if (v === false) h = mix(h, 11);
      else if (typeof v === 'string') h = hashString(mix(h, 13), v);
      else if (typeof v === 'number') h = hashNumber(h, v);
      else if (Array.isArray(v)) {
        // An array's own toJSON (none has one in a snapshot) would be called by JSON.stringify.
        if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return UNSURE;
        h = mix(mix(h, 17), v.length);
        for (let i = 0; i < v.length; i++) stack[top++] = v[i];
      } else if (typeof v === 'object' && plain(v)) {
        h = mix(h, 19);
        for (const key in v) {
          if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
          h = hashString(h, key);
          stack[top++] = (v as Record<string, unknown>)[key];
        }
      } else return UNSURE;
    }
  } finally {
    stacks.giveBack(stack, top);
  }
  return h === UNSURE ? 1 : h;
}
