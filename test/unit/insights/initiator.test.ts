import { afterEach, describe, expect, it } from 'vitest';
import { captureInitiator, framesOf, parseStackLine } from '../../../src/capture/initiator';
import { wrapCallBridge } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';
import { parseHookMessage } from '../../../src/protocol/validate';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, hello, options, snap } from '../recorder/helpers';

// Real stacks, as Chromium and Firefox print them for a call from a bundled app through @forge/bridge.
const CHROMIUM = `Error
    at stackText (chrome-extension://abc/assets/hook.js:10:5)
    at captureInitiator (chrome-extension://abc/assets/hook.js:20:7)
    at Object.apply (chrome-extension://abc/assets/hook.js:30:9)
    at invoke (http://localhost:8000/main/app.js:1201:12)
    at async Object.invokeGetIssues [as getIssues] (http://localhost:8000/main/app.js:3405:23)
    at HTMLButtonElement.<anonymous> (http://localhost:8000/main/app.js:3470:7)
    at eval (eval at load (http://localhost:8000/main/app.js:5:1), <anonymous>:1:1)
    at new Loader (http://localhost:8000/main/app.js:9:3)
    at http://localhost:8000/main/app.js:12:1`;
const FIREFOX = `stackText@moz-extension://abc/assets/hook.js:10:5
captureInitiator@moz-extension://abc/assets/hook.js:20:7
apply@moz-extension://abc/assets/hook.js:30:9
invoke@http://localhost:8000/main/app.js:1201:12
@http://localhost:8000/main/app.js:3470:7
`;

describe('stack trimming', () => {
  it('reads V8 frames: named, async, aliased, anonymous, eval (by its host script), constructors, top level', () => {
    const frames = framesOf(CHROMIUM, 3, null);
    expect(frames.map((f) => [f.fn, f.line, f.column])).toEqual([
      ['invoke', 1201, 12],
      ['Object.invokeGetIssues [as getIssues]', 3405, 23],
      ['HTMLButtonElement.<anonymous>', 3470, 7],
      ['eval', 5, 1],
      ['new Loader', 9, 3],
      ['', 12, 1],
    ]);
    expect(frames[0]!.url).toBe('http://localhost:8000/main/app.js');
  });

  it('reads SpiderMonkey frames and drops the hook\'s own script wherever it appears', () => {
    expect(framesOf(FIREFOX, 0, 'moz-extension://abc/assets/hook.js')).toEqual([
      { fn: 'invoke', url: 'http://localhost:8000/main/app.js', line: 1201, column: 12 },
      { fn: '', url: 'http://localhost:8000/main/app.js', line: 3470, column: 7 },
    ]);
  });

  it('keeps at most 8 frames, bounds text, and skips what is not a frame', () => {
    const deep = Array.from({ length: 30 }, (_, i) => `    at f${i} (http://x/app.js:${i + 1}:1)`).join('\n');
    expect(framesOf(deep, 0, null)).toHaveLength(8);
    expect(parseStackLine('Error: boom')).toBeNull();
    expect(parseStackLine('    at native')).toBeNull();
    expect(parseStackLine(`    at ${'f'.repeat(5000)} (http://x/${'a'.repeat(9000)}.js:1:2)`)).toMatchObject({ line: 1, column: 2 });
    expect(parseStackLine(`    at ${'f'.repeat(5000)} (http://x/a.js:1:2)`)!.fn.length).toBe(200);
  });
});

describe('captureInitiator', () => {
  const original = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  afterEach(() => {
    if (original) Object.defineProperty(Error, 'prepareStackTrace', original);
    else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  });

  function appCallsBridge(events: HookEvent[]) {
    const wrapped = wrapCallBridge((() => Promise.resolve(1)) as (c: string, p?: unknown) => Promise<unknown>, {
      emit: (e) => events.push(e),
      now: () => 1,
      nextId: () => events.length + 1,
      callbackKeysFor: () => [],
      initiator: captureInitiator,
    });
    return function theAppsOwnFunction() {
      return wrapped('getContext');
    };
  }

  it('names the app\'s function, file and line as the first frame, the wrapper\'s frames removed', async () => {
    // Vitest installs a prepareStackTrace of its own (source maps); a page has none unless it set one.
    delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    const events: HookEvent[] = [];
    await appCallsBridge(events)();
    const start = events.find((e) => e.type === 'call-start') as Extract<HookEvent, { type: 'call-start' }>;
    expect(start.initiator!.frames[0]).toMatchObject({ fn: 'theAppsOwnFunction', url: expect.stringContaining('initiator.test.ts') });
    expect(start.initiator!.frames.some((f) => /wrapCallBridge|capture\/initiator\.ts/.test(f.url))).toBe(false);
  });

  it('records no initiator rather than run a page\'s Error.prepareStackTrace', async () => {
    let ran = 0;
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = () => (ran++, 'page text');
    const events: HookEvent[] = [];
    await appCallsBridge(events)();
    expect(ran).toBe(0);
    expect(events.find((e) => e.type === 'call-start')).not.toHaveProperty('initiator');
  });
});

describe('initiator and boot marks on their way to the recorder', () => {
  const startWith = (initiator: unknown) => ({ events: [{ type: 'call-start', id: 1, command: 'invoke', at: 1000, request: snap(null), initiator }] });

  it('the relay accepts a bounded initiator and refuses a hostile one', () => {
    expect(parseHookMessage(startWith({ frames: [{ fn: 'f', url: 'http://x/a.js', line: 1, column: 2 }] })).ok).toBe(true);
    expect(parseHookMessage(startWith({ frames: Array.from({ length: 9 }, () => ({ fn: '', url: 'u', line: 1, column: 1 })) })).ok).toBe(false);
    expect(parseHookMessage(startWith({ frames: [{ fn: 'f', url: 'u'.repeat(5000), line: 1, column: 1 }] })).ok).toBe(false);
    expect(parseHookMessage(startWith({ frames: [{ fn: 'f', url: 'u', line: -1, column: 1 }] })).ok).toBe(false);
    expect(parseHookMessage({ events: [{ type: 'paint', at: 1000, name: 'largest-contentful-paint' }] }).ok).toBe(false);
    expect(parseHookMessage({ events: [{ type: 'hook-ready', at: 1, url: '', isTop: false, referrer: '', navigationStart: 'yesterday' }] }).ok).toBe(false);
  });

  it('the recorder keeps the initiator on the call and the boot marks on the frame', () => {
    const r = new Recorder(options());
    r.apply(7, 3, hello('d1'));
    const initiator = { frames: [{ fn: 'load', url: 'http://localhost:8000/main/app.js', line: 40, column: 3 }] };
    r.apply(7, 3, batch('d1', 1, [
      { type: 'hook-ready', at: 1000, url: 'http://localhost:8000/main/index.html', isTop: false, referrer: '', navigationStart: 990 },
      { type: 'bridge-found', at: 1010, semver: '1.15.3', frozen: false, via: 'trap' },
      { type: 'bridge-found', at: 1500, semver: '1.15.3', frozen: false, via: 'trap' },
      { type: 'call-start', id: 1, command: 'invoke', at: 1400, request: snap(null), initiator },
      { type: 'paint', at: 1600, name: 'first-contentful-paint' },
    ]));
    const session = r.getSession(7)!;
    expect(session.calls[0]!.initiator).toEqual(initiator);
    expect(session.frames[0]!.boot).toEqual({ navigationStart: 990, bridgeAt: 1010, firstPaintAt: null, firstContentfulPaintAt: 1600 });
  });
});
