/**
 * Pages for the hostile-page end-to-end tests (test/e2e/hostile*.e2e.ts), on loopback (an origin the
 * extension covers). Each page's first head script installs a bridge the way the Forge CDN script does
 * (only if `__bridge` is undefined, so the hook's trap gets it), answering on a microtask with an echo.
 * `window.__app.call(command, payload)` is the app: it calls the bridge and keeps what it saw.
 */

const BRIDGE = `
if (globalThis.__bridge === undefined) {
  globalThis.__bridge = { __SEMVER: 'hostile', callBridge: (command, payload) => Promise.resolve({ command, echo: payload }) };
}
window.__app = {
  results: [],
  async call(command, payload) {
    const result = await globalThis.__bridge.callBridge(command, payload);
    this.results.push(result);
    return result;
  },
};`;

/**
 * The page that tries every takeover it can from its own scripts, while the app keeps calling:
 * - defines the hook's marker symbol on window (the hook ran already; it must not care);
 * - listens to every window message, in both phases, keeping any port and any data it is handed;
 * - posts forged channel offers (its own MessagePort) and forged hook messages to the window, again and
 *   again, and forged relay-looking events;
 * - dispatches an untrusted MessageEvent offer of its own.
 * `window.__hostile` holds what it obtained.
 */
const TAKEOVER = `
window.__hostile = { messages: [], portsReceived: 0, markerDefined: false, offersPosted: 0, portMessages: [] };
try {
  Object.defineProperty(window, Symbol.for('forge-bridge-devtools.hook'), { value: { version: 99, rearm() {} }, configurable: false });
  window.__hostile.markerDefined = true;
} catch (e) { window.__hostile.markerError = String(e); }
const keep = (event) => {
  const ports = event.ports ? event.ports.length : 0;
  window.__hostile.portsReceived += ports;
  for (const p of event.ports || []) p.onmessage = (m) => window.__hostile.portMessages.push(m.data);
  let text = '';
  try { text = JSON.stringify(event.data); } catch { text = String(event.data); }
  window.__hostile.messages.push(text);
};
window.addEventListener('message', keep, true);
window.addEventListener('message', keep, false);
document.addEventListener('message', keep, true);
const forge = () => {
  const mc = new MessageChannel();
  mc.port1.onmessage = (m) => window.__hostile.portMessages.push(m.data);
  window.postMessage({ type: 'forge-bridge-devtools:channel', nonce: 'forged' }, '*', [mc.port2]);
  window.postMessage({ type: 'forge-bridge-devtools:channel' }, '*', [new MessageChannel().port2]);
  window.postMessage({ events: [{ type: 'call-start', id: 999999, command: 'forged', at: Date.now(), request: { value: 'x', bytes: 0, truncated: false } }] }, '*');
  window.postMessage({ type: 'batch', docId: 'forged', firstSeq: 1, events: [], lost: 0 }, '*');
  window.dispatchEvent(new MessageEvent('message', { data: { type: 'forge-bridge-devtools:channel' }, ports: [new MessageChannel().port2], source: window }));
  window.__hostile.offersPosted += 3;
};
forge();
setInterval(forge, 20);
`;

/**
 * Values that lie about their size: a 5 MB string, an array-like claiming 2^32-1 items, a proxy listing
 * 100,000 keys, an object whose own fields say it weighs nothing, a typed array's view of a large buffer.
 */
const LIAR = `
window.__liar = () => {
  const manyKeys = new Proxy({}, {
    ownKeys: () => Array.from({ length: 100000 }, (_, i) => 'k' + i),
    getOwnPropertyDescriptor: (_, k) => ({ value: k, enumerable: true, configurable: true, writable: true }),
  });
  return {
    bytes: 0,
    truncated: false,
    huge: 'x'.repeat(5 * 1024 * 1024),
    arrayLike: { length: 4294967295, 0: 'first' },
    longArray: new Array(1000000).fill(7),
    manyKeys,
    buffer: new Uint8Array(8 * 1024 * 1024),
  };
};`;

function page(title: string, head: string, bridge = BRIDGE): string {
  return `<!doctype html><html><head><title>${title}</title><script>${bridge}</script>${head ? `<script>${head}</script>` : ''}</head><body><p>${title}</p></body></html>`;
}

/** Frames made and thrown away (each a document the extension hooks), then one frame that calls the bridge. */
const THROWAWAY = `
window.__throwaway = async (count, batch) => {
  for (let made = 0; made < count; made += batch) {
    const frames = [];
    for (let i = 0; i < batch && made + i < count; i++) {
      const f = document.createElement('iframe');
      f.src = '/blank?n=' + (made + i);
      frames.push(new Promise((resolve) => { f.onload = resolve; }).then(() => f.remove()));
      document.body.appendChild(f);
    }
    await Promise.all(frames);
  }
  const real = document.createElement('iframe');
  real.src = '/app?frame=real';
  real.id = 'real';
  const loaded = new Promise((resolve) => { real.onload = resolve; });
  document.body.appendChild(real);
  await loaded;
  return real.contentWindow.__app.call('invoke', { functionKey: 'afterThrowaway' });
};`;

/** Calls the bridge, and the moment the result is back, navigates. */
const NAVIGATE = `
window.__callThenNavigate = async (key) => {
  await window.__app.call('invoke', { functionKey: key });
  location.href = '/landing';
};`;

/**
 * The app's own view of values with getters, proxies and class instances, crossing the bridge both ways:
 * `window.__differential()` returns what the app observed (results, identities, prototypes, getter and trap
 * logs). The hook must leave every bit of it as it is without the extension. The proxies log the traps an
 * app would notice (get, set, has, deleteProperty, defineProperty, apply); the hook reads a proxy through
 * getOwnPropertyDescriptor, ownKeys and getPrototypeOf only (src/capture/ownReads.ts: JavaScript cannot tell
 * a proxy from its target, so those traps are the one kind of app code a snapshot may run).
 */
const DIFFERENTIAL = `
window.__differential = async () => {
  const log = [];
  class Money {
    constructor(cents) { this.cents = cents; }
    get dollars() { log.push('Money#dollars'); return this.cents / 100; }
    toJSON() { log.push('Money#toJSON'); return { money: this.cents }; }
  }
  const watched = (target, name) => new Proxy(target, {
    get(t, k, r) { log.push(name + ' get ' + String(k)); return Reflect.get(t, k, r); },
    set(t, k, v, r) { log.push(name + ' set ' + String(k)); return Reflect.set(t, k, v, r); },
    has(t, k) { log.push(name + ' has ' + String(k)); return Reflect.has(t, k); },
    deleteProperty(t, k) { log.push(name + ' delete ' + String(k)); return Reflect.deleteProperty(t, k); },
    defineProperty(t, k, d) { log.push(name + ' define ' + String(k)); return Reflect.defineProperty(t, k, d); },
  });
  const getters = { plain: 1, get lazy() { log.push('payload lazy getter'); return 'lazy'; } };
  Object.defineProperty(getters, 'hidden', { get() { log.push('payload hidden getter'); return 'h'; }, enumerable: false });
  const list = [1, 2, 3];
  Object.defineProperty(list, 1, { get() { log.push('list[1] getter'); return 'two'; }, enumerable: true });
  const error = new TypeError('bad input');
  Object.defineProperty(error, 'message', { get() { log.push('error message getter'); return 'from a getter'; } });
  const payload = { getters, list, money: new Money(250), proxy: watched({ x: 1, nested: { y: 2 } }, 'payload proxy'), error, map: new Map([['m', new Money(5)]]) };
  const bridge = globalThis.__bridge;
  window.__respond = (p) => ({
    echo: p,
    made: new Money(7),
    proxy: watched({ answer: 42 }, 'result proxy'),
    get computed() { log.push('result computed getter'); return 'c'; },
  });
  const result = await bridge.callBridge('invoke', { functionKey: 'differential', payload });
  let failure;
  try { await bridge.callBridge('fail', { error }); } catch (e) { failure = e; }
  const seen = {
    sameEcho: result.echo.payload === payload,
    madeIsMoney: result.made instanceof Money,
    madeProto: Object.getPrototypeOf(result.made) === Money.prototype,
    madeDollars: result.made.dollars,
    madeKeys: Object.keys(result.made),
    proxyAnswer: result.proxy.answer,
    computed: result.computed,
    resultKeys: Object.keys(result),
    listItem: result.echo.payload.list[1],
    lazy: result.echo.payload.getters.lazy,
    json: JSON.stringify({ money: result.made }),
    sameError: failure === error,
    errorMessage: failure.message,
    errorKeys: Object.getOwnPropertyNames(failure).sort(),
  };
  return { seen, log };
};`;

/** A bridge that answers with what window.__respond makes of the payload, and rejects 'fail' with the payload's error. */
const DIFFERENTIAL_BRIDGE = `
if (globalThis.__bridge === undefined) {
  globalThis.__bridge = { __SEMVER: 'differential', callBridge: (command, payload) => command === 'fail' ? Promise.reject(payload.error) : Promise.resolve(window.__respond(payload)) };
}`;

/**
 * A page that patches the built-ins a hook might reach for (each patch counts its calls in window.__ran and
 * then does the original's work), then calls the bridge five times without using any of them itself, and
 * paints. Any count is the extension running page code.
 */
const PATCHED = `
window.__ran = {};
const aMap = new Map([[1, 2]]); // made before the patches (its constructor iterates the array)
const count = (name) => { window.__ran[name] = (window.__ran[name] || 0) + 1; };
const patch = (proto, key, label) => {
  const d = Object.getOwnPropertyDescriptor(proto, key);
  if (!d) return;
  if (typeof d.value === 'function') {
    const original = d.value;
    Object.defineProperty(proto, key, { ...d, value: function (...args) { count(label); return Reflect.apply(original, this, args); } });
  } else if (typeof d.get === 'function') {
    const get = d.get;
    Object.defineProperty(proto, key, { ...d, get: function () { count(label); return Reflect.apply(get, this, []); } });
  }
};
const patches = [
  [Array.prototype, 'push', 'Array#push'], [Array.prototype, Symbol.iterator, 'Array#@@iterator'], [Array.prototype, 'map', 'Array#map'],
  [Array.prototype, 'slice', 'Array#slice'], [String.prototype, 'split', 'String#split'], [String.prototype, 'slice', 'String#slice'],
  [Map.prototype, 'get', 'Map#get'], [Set.prototype, 'has', 'Set#has'], [Set.prototype, 'add', 'Set#add'], [Promise.prototype, 'then', 'Promise#then'],
  [PerformanceObserverEntryList.prototype, 'getEntries', 'PerformanceObserverEntryList#getEntries'],
  [PerformanceEntry.prototype, 'name', 'PerformanceEntry#name'], [PerformanceEntry.prototype, 'startTime', 'PerformanceEntry#startTime'],
  [MessagePort.prototype, 'postMessage', 'MessagePort#postMessage'], [Object.prototype, 'toString', 'Object#toString'], [JSON, 'stringify', 'JSON.stringify'],
];
// By index, not for-of or destructuring: both would go through the array iterator once it is patched.
for (let i = 0; i < patches.length; i++) patch(patches[i][0], patches[i][1], patches[i][2]);
Object.defineProperty(String.prototype, Symbol.split, { value() { count('String#@@split'); return ['patched']; }, configurable: true, writable: true });
window.__calls = (async () => {
  const bridge = globalThis.__bridge;
  for (let i = 0; i < 5; i++) await bridge.callBridge('invoke', { functionKey: 'patched' + i, payload: { list: [1, 2, { deep: 'x' }], map: aMap } });
  return 'done';
})();`;

/** The hostile site's pages by path. */
export const HOSTILE_PAGES: Readonly<Record<string, string>> = {
  '/patched': page('patched', PATCHED),
  '/differential': page('differential', DIFFERENTIAL, DIFFERENTIAL_BRIDGE),
  '/app': page('app', ''),
  '/takeover': page('takeover', TAKEOVER),
  '/liar': page('liar', LIAR),
  '/throwaway': page('throwaway', THROWAWAY),
  '/navigate': page('navigate', NAVIGATE),
  '/landing': page('landing', ''),
  '/blank': '<!doctype html><html><head></head><body>blank</body></html>',
};
