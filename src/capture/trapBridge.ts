import { cleanDescriptor, cleanHandler, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, hasOwn, objectCreate, objectFreeze, objectIsExtensible, objectIsFrozen, objectIsSealed, objectPreventExtensions, objectSeal, ProxyCtor, reflectApply, reflectDefineProperty, reflectGet, reflectGetOwnPropertyDescriptor, reflectOwnKeys, reflectSet, WeakMapCtor, weakMapGet, weakMapSet } from './intrinsics';
import { copyWithDescriptors } from './copyObject';

/**
 * installBridgeTrap: catches `globalThis.__bridge` when the Forge CDN script assigns it, and hands out a
 * view whose callBridge is wrapped.
 *
 * `__bridge` becomes an accessor (configurable, enumerable like a plain global assignment): the getter
 * returns undefined until something is assigned, then the view made for the assigned bridge. We never
 * define a bridge ourselves: the CDN script installs one only when `void 0 === o.__bridge`, which is still
 * true with our accessor. Note that `'__bridge' in window` is true as soon as the trap is installed
 * (nothing known reads it that way).
 *
 * - Assigned more than once: each distinct object gets its own view (made once); the same callBridge
 *   function is wrapped once (the wrap function caches); assigning a view we handed out keeps it.
 * - Already present when the hook runs (extension injected into an open page): a configurable data
 *   property is replaced by the accessor (`via: 'present'`). Modules that already captured callBridge
 *   keep the original; only later readers (@forge/react reads it at each call) are recorded. A
 *   non-configurable property or an accessor someone else installed is left alone (returns false).
 * - `delete window.__bridge` removes the accessor (it must stay configurable): a bridge assigned after
 *   that is a plain property and is not recorded.
 */

export type BridgeLike = object;
export type BridgeVia = 'trap' | 'present';
/** Called once per distinct bridge object; returns what `__bridge` reads as from then on. */
export type OnBridge = (bridge: BridgeLike, via: BridgeVia) => BridgeLike;

const KEY = '__bridge';
const CALL = 'callBridge';

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

export function installBridgeTrap(target: typeof globalThis, onBridge: OnBridge): boolean {
  let current: PropertyDescriptor | undefined;
  try {
    current = getOwnPropertyDescriptor(target, KEY);
  } catch {
    return false;
  }
  let enumerable = true;
  let initial: unknown;
  if (current !== undefined) {
    if (current.configurable !== true || !hasOwn(current, 'value')) return false;
    enumerable = current.enumerable === true;
    initial = current.value;
  }

  /** Distinct bridge objects → their view; views handed out → themselves (assigning a view back keeps it). */
  const views = new WeakMapCtor<object, unknown>();
  let view: unknown;

  const accept = (value: unknown, via: BridgeVia): void => {
    if (!isObject(value)) {
      view = value;
      return;
    }
    let v = weakMapGet(views, value);
    if (v === undefined) {
      try {
        v = onBridge(value, via);
      } catch {
        v = value; // never break the app: hand the real bridge out unrecorded
      }
      weakMapSet(views, value, v);
      if (isObject(v)) weakMapSet(views, v, v);
    }
    view = v;
  };

  if (initial !== undefined) accept(initial, 'present');
  try {
    defineProperty(
      target,
      KEY,
      cleanDescriptor({
        get: function __bridge() {
          return view;
        },
        set: function __bridge(value: unknown) {
          accept(value, 'trap');
        },
        enumerable,
        configurable: true,
      }),
    );
  } catch {
    return false;
  }
  return true;
}

/**
 * The object handed out as `__bridge`: reads and writes go to the real bridge, except that `callBridge`
 * reads as `wrap(real.callBridge)` (and a wrapper written back is unwrapped with `unwrap`).
 *
 * - Usually a Proxy whose target is the real bridge: every other operation (keys, `in`, freeze, …)
 *   behaves as on the real object, and `Object.isFrozen(view)` is the real object's answer.
 * - When the real callBridge is a non-writable, non-configurable data property (a frozen bridge), a Proxy
 *   may not report another value for it; the view is then a copy with the same prototype, property
 *   attributes and extensibility (frozen if the real one is), callBridge replaced. Other values of such a
 *   copy are those of the moment it was made (for a frozen bridge they cannot change anyway).
 * - If the real bridge is frozen through the Proxy later, callBridge reads unwrapped from then on
 *   (the Proxy invariants leave no choice; record less rather than throw).
 */
export function createBridgeView(real: object, wrap: (fn: unknown) => unknown, unwrap: (fn: unknown) => unknown = (fn) => fn): object {
  if (isLocked(real)) return copyOf(real, wrap);
  let proxy: object | null = null;
  proxy = new ProxyCtor(
    real,
    cleanHandler<object>({
      get(t, p) {
        const value: unknown = reflectGet(t, p, t);
        return p === CALL && !isLocked(t) ? wrap(value) : value;
      },
      set(t, p, value, receiver) {
        const v = p === CALL ? unwrap(value) : value;
        return reflectSet(t, p, v, receiver === proxy ? t : receiver);
      },
      getOwnPropertyDescriptor(t, p) {
        const d = reflectGetOwnPropertyDescriptor(t, p);
        if (p === CALL && d !== undefined && hasOwn(d, 'value') && (d.writable === true || d.configurable === true)) {
          d.value = wrap(d.value);
        }
        return d;
      },
      defineProperty(t, p, d) {
        const clean = cleanDescriptor(d);
        if (p === CALL && hasOwn(clean, 'value')) clean.value = unwrap(clean.value);
        return reflectDefineProperty(t, p, clean);
      },
    }),
  );
  return proxy;
}

/** callBridge is an own non-writable, non-configurable data property: a Proxy must report it as it is. */
function isLocked(o: object): boolean {
  const d = getOwnPropertyDescriptor(o, CALL);
  return d !== undefined && d.configurable !== true && hasOwn(d, 'value') && d.writable !== true;
}

function copyOf(real: object, wrap: (fn: unknown) => unknown): object {
  return copyWithDescriptors(real, (key, clean) => {
    if (key !== CALL) return;
    if (hasOwn(clean, 'value')) {
      clean.value = wrap(clean.value);
    } else if (typeof clean.get === 'function') {
      const get = clean.get;
      clean.get = function callBridge() {
        return wrap(reflectApply(get, real, []));
      };
    }
  });
}
