import { describe, expect, it, vi } from 'vitest';
import { startRecorderService, type ServiceEnv, type ServicePort } from '../../../src/background/recorderService';
import type { BackgroundToPanel, BackgroundToRelay } from '../../../src/protocol';
import { MemoryStore, type SessionStore, type StoreChanges } from '../../../src/recorder/persistence';
import { MAX_CALLS_KEY } from '../../../src/settings/maxCalls';
import { FakePort } from '../transport/fakePort';
import { batch, end, hello, start } from '../recorder/helpers';

const EXT = 'chrome-extension://abcdefghijklmnop/';
const TAB = 7;

/** A store whose saves wait until the test lets them finish (or fail). */
class GatedStore implements SessionStore {
  private readonly inner = new MemoryStore();
  readonly gates: { resolve: () => void; reject: (e: Error) => void }[] = [];
  load() {
    return this.inner.load();
  }
  save(changes: StoreChanges): Promise<void> {
    return new Promise((resolve, reject) => {
      this.gates.push({ resolve: () => void this.inner.save(changes).then(resolve, reject), reject });
    });
  }
}

function env(store: SessionStore, extra: Partial<ServiceEnv> = {}): ServiceEnv & { settings: Map<string, unknown>; changed: ((k: string, v: unknown) => void)[] } {
  const settings = new Map<string, unknown>();
  const changed: ((k: string, v: unknown) => void)[] = [];
  return {
    settings,
    changed,
    store,
    openTabIds: async () => [TAB],
    readSetting: async (key) => settings.get(key),
    onSettingChanged: (l) => void changed.push(l),
    extensionBaseUrl: EXT,
    extensionVersion: '9.9.9',
    userAgent: 'Mozilla/5.0 Chrome/150.0.0.0',
    fetchJwks: vi.fn(async () => {
      throw new Error('no network in tests');
    }),
    now: () => 1_800_000_000_000,
    saveSpacingMs: 0,
    ...extra,
  };
}

function port(sender: ServicePort['sender']): FakePort<unknown> & ServicePort {
  return Object.assign(new FakePort<unknown>(), { sender });
}

/** Lets queued promise chains and zero-delay timers run. */
async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Lets every save through (or fails every one), also the ones that queue behind the first. */
async function openGates(store: GatedStore, outcome: 'resolve' | 'fail' = 'resolve') {
  for (let i = 0; i < 10; i++) {
    while (store.gates.length) {
      const gate = store.gates.shift()!;
      if (outcome === 'resolve') gate.resolve();
      else gate.reject(new Error('QuotaExceededError'));
    }
    await settle();
  }
}

/** A relay port of tab TAB, connected to `service`, whose document said hello. */
function connectedRelay(service: ReturnType<typeof startRecorderService>) {
  const relay = relayPort();
  service.acceptRelay(relay);
  relay.answer(hello('doc1'));
  return relay;
}

const relayPort = () => port({ tab: { id: TAB }, frameId: 3, url: 'https://app.cdn.prod.atlassian-dev.net/index.html' });
const panelPort = () => port({ url: `${EXT}extension/panel/panel.html` });

describe('recorder service: acknowledgements', () => {
  it('acknowledges a batch only once its save is durable', async () => {
    const store = new GatedStore();
    const service = startRecorderService(env(store));
    const relay = connectedRelay(service);
    relay.answer(batch('doc1', 1, [start(1), end(1)]));
    await settle();
    expect(relay.sent).toEqual([]);
    expect(store.gates.length).toBeGreaterThan(0);
    await openGates(store);
    expect(relay.sent as BackgroundToRelay[]).toContainEqual({ type: 'ack', upTo: 2 });
  });

  it('acknowledges once per save, the highest sequence number it made durable, not once per batch', async () => {
    const store = new GatedStore();
    const service = startRecorderService(env(store));
    const relay = connectedRelay(service);
    // While the hello's save is written, four batches arrive, one at a time: the next save holds them all.
    relay.answer(batch('doc1', 1, [start(1)]));
    await settle();
    relay.answer(batch('doc1', 2, [end(1)]));
    await settle();
    relay.answer(batch('doc1', 3, [start(2)]));
    relay.answer(batch('doc1', 4, [end(2)]));
    await settle();
    await openGates(store);
    const acks = (relay.sent as BackgroundToRelay[]).filter((m) => m.type === 'ack');
    expect(acks).toEqual([{ type: 'ack', upTo: 4 }]);
    // A later save acknowledges again.
    relay.answer(batch('doc1', 5, [start(3)]));
    await settle();
    await openGates(store);
    expect((relay.sent as BackgroundToRelay[]).filter((m) => m.type === 'ack')).toEqual([{ type: 'ack', upTo: 4 }, { type: 'ack', upTo: 5 }]);
  });

  it('does not acknowledge what a failed save held; the next save carries it and is acknowledged', async () => {
    const store = new GatedStore();
    const service = startRecorderService(env(store));
    const relay = connectedRelay(service);
    relay.answer(batch('doc1', 1, [start(1)]));
    await settle();
    await openGates(store, 'fail');
    expect(relay.sent).toEqual([]);
    relay.answer(batch('doc1', 2, [end(1)]));
    await settle();
    await openGates(store);
    expect((relay.sent as BackgroundToRelay[]).filter((m) => m.type === 'ack').at(-1)).toEqual({ type: 'ack', upTo: 2 });
  });

  it('counts a malformed relay message as rejected instead of applying it', async () => {
    const service = startRecorderService(env(new MemoryStore()));
    const relay = connectedRelay(service);
    relay.answer({ type: 'batch', docId: 'doc1', firstSeq: 'one', events: [] });
    await settle();
    const panel = panelPort();
    service.acceptPanel(panel);
    panel.answer({ type: 'subscribe', tabId: TAB });
    await settle();
    const init = (panel.sent as BackgroundToPanel[]).find((m) => m.type === 'session') as Extract<BackgroundToPanel, { type: 'session' }> | undefined;
    expect(init?.session.losses.rejected).toBe(1);
    expect(init?.session.calls).toEqual([]);
  });
});

describe('recorder service: start', () => {
  it('applies batches as soon as the recording is restored, while the saves of its start still wait', async () => {
    // A recording restored with a tab that is closed now: pruning it is a save, and this store holds every save.
    const seeded = new MemoryStore();
    const before = startRecorderService(env(seeded, { openTabIds: async () => [TAB, 99] }));
    const old = port({ tab: { id: 99 }, frameId: 0, url: 'https://app.cdn.prod.atlassian-dev.net/index.html' });
    before.acceptRelay(old);
    old.answer(hello('old'));
    old.answer(batch('old', 1, [start(1), end(1)]));
    await settle();
    expect((await before.counts(99))?.calls).toBe(1);
    const store = new GatedStore();
    const restored = await seeded.load();
    store.load = async () => restored;
    const service = startRecorderService(env(store));
    const relay = connectedRelay(service);
    relay.answer(batch('doc1', 1, [start(1), end(1), start(2)]));
    await settle();
    expect(store.gates.length).toBeGreaterThan(0);
    const counts = await Promise.race([service.counts(TAB), settle(20).then(() => 'still waiting' as const)]);
    expect(counts).toEqual({ calls: 2, pending: 1, dropped: 0, unsaved: true });
    expect(await service.counts(99)).toBeNull();
    // Acknowledged once durable, as before.
    expect(relay.sent).toEqual([]);
    await openGates(store);
    expect(relay.sent as BackgroundToRelay[]).toContainEqual({ type: 'ack', upTo: 3 });
  });
});

describe('recorder service: who may connect', () => {
  it('disconnects a relay port that has no tab or frame', async () => {
    const service = startRecorderService(env(new MemoryStore()));
    const noTab = port({ url: 'https://evil.example/' });
    service.acceptRelay(noTab);
    expect(noTab.disconnected).toBe(true);
    const ok = relayPort();
    service.acceptRelay(ok);
    expect(ok.disconnected).toBe(false);
  });

  it('refuses panel and DevTools ports from web pages, also ones whose URL only contains the extension origin', async () => {
    const service = startRecorderService(env(new MemoryStore()));
    for (const url of ['https://evil.example/panel.html', `https://evil.example/?${EXT}`, undefined]) {
      const p = port({ tab: { id: TAB }, frameId: 0, url });
      service.acceptPanel(p);
      expect(p.disconnected).toBe(true);
      const d = port({ tab: { id: TAB }, frameId: 0, url });
      service.acceptDevtools(d);
      expect(d.disconnected).toBe(true);
    }
    const panel = panelPort();
    service.acceptPanel(panel);
    expect(panel.disconnected).toBe(false);
  });
});

describe('recorder service: replies carry the request id', () => {
  it('answers an export with its request id, and an export of an unknown tab with an error carrying it', async () => {
    const service = startRecorderService(env(new MemoryStore()));
    const relay = connectedRelay(service);
    relay.answer(batch('doc1', 1, [start(1), end(1)]));
    await settle();
    const panel = panelPort();
    service.acceptPanel(panel);
    panel.answer({ type: 'export', tabId: TAB, requestId: 41 });
    panel.answer({ type: 'export', tabId: 999, requestId: 42 });
    await settle(20);
    const replies = panel.sent as BackgroundToPanel[];
    const exported = replies.find((m) => m.type === 'exported');
    expect(exported).toMatchObject({ requestId: 41 });
    expect((exported as Extract<BackgroundToPanel, { type: 'exported' }>).trace.calls).toHaveLength(1);
    expect(replies.find((m) => m.type === 'error')).toMatchObject({ requestId: 42, message: expect.stringContaining('No recording for tab 999') });
  });

  it('answers a malformed panel message with an error carrying its request id when it had a usable one', async () => {
    const service = startRecorderService(env(new MemoryStore()));
    const panel = panelPort();
    service.acceptPanel(panel);
    panel.answer({ type: 'export', tabId: 'seven', requestId: 5 });
    panel.answer({ type: 'nonsense', requestId: -1 });
    await settle();
    const errors = (panel.sent as BackgroundToPanel[]).filter((m) => m.type === 'error');
    expect(errors.map((e) => (e as { requestId: number | null }).requestId)).toEqual([5, null]);
  });
});

describe('recorder service: settings and export', () => {
  it('applies a change of "Calls kept per tab" at once', async () => {
    const e = env(new MemoryStore());
    e.settings.set(MAX_CALLS_KEY, 1000);
    const service = startRecorderService(e);
    const relay = connectedRelay(service);
    relay.answer(batch('doc1', 1, [start(1), end(1), start(2), end(2), start(3), end(3)]));
    await settle();
    expect((await service.counts(TAB))?.calls).toBe(3);
    e.changed.forEach((l) => l(MAX_CALLS_KEY, 100));
    relay.answer(batch('doc1', 7, [start(4)]));
    await settle();
    const counts = await service.counts(TAB);
    expect(counts?.calls).toBeLessThanOrEqual(100);
    expect(counts?.calls).toBe(4);
  });

  it('redacts the export unless asked not to, and never fetches a key set nobody trusted', async () => {
    const e = env(new MemoryStore());
    const service = startRecorderService(e);
    const relay = connectedRelay(service);
    const secret = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    relay.answer(batch('doc1', 1, [start(1, 1001, 'invoke', { value: { note: secret }, bytes: 60, truncated: false }), end(1)]));
    await settle();
    expect(JSON.stringify(await service.exportTrace(TAB))).not.toContain(secret);
    expect(JSON.stringify(await service.exportTrace(TAB, { redact: false }))).toContain(secret);
    expect(e.fetchJwks).not.toHaveBeenCalled();
  });
});
