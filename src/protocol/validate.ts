/**
 * Hand-written validators for every message that crosses a trust boundary.
 *
 * - The relay checks what the page's hook sends (`parseHookMessage`) before buffering it.
 * - The background checks what a relay sends (`parseRelayToBackground`) and what a panel sends
 *   (`parsePanelToBackground`); the relay checks what the background sends (`parseBackgroundToRelay`).
 *
 * A message is accepted or rejected whole. The reason names the first bad field, e.g.
 * `events[3].id: expected a positive integer`. Accepted messages are rebuilt from their known fields only
 * (unknown fields are dropped); snapshot values are checked in place and passed on as they are, never
 * copied through property assignment, so a key such as `__proto__` stays an ordinary own data property.
 */
import type { HookEvent, HookMessage, HostTransport, PaintName, SnapshotKey } from './hook';
import type { Snapshot } from './snapshot';
import { INITIATOR_FRAMES, type CallInitiator } from './initiator';
import { LIMITS } from './limits';
import type { RelayLossReport } from './losses';
import type { BackgroundToRelay, PanelToBackground, RelayToBackground, SAME_FIELDS } from './runtime';
import { bool, byType, describe, fail, join, nonNegativeInt, oneOf, positiveInt, quote, record, run, str, time, type ParseResult } from './validateBasics';
import { snapshot } from './validateSnapshot';

export { parseSnapshot } from './validateSnapshot';

export type { ParseResult };

type SameField = (typeof SAME_FIELDS)[number];

const DOC_ID_RE = /^[A-Za-z0-9_-]+$/;
const TRANSPORTS: ReadonlySet<string> = new Set<HostTransport>(['post-robot', 'port-rpc', 'unknown']);

function docId(obj: Record<string, unknown>, path: string): string {
  const v = str(obj, 'docId', path, LIMITS.docIdChars, 1);
  if (!DOC_ID_RE.test(v)) fail(join(path, 'docId'), 'expected only letters, digits, "_" and "-"');
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Hook events

/**
 * An event's snapshot under `key`, or with `earlier` (relay → background only) the earlier snapshot of the batch
 * that its `sameField` names (see RelayToBackgroundWire): that very object, measured when it was checked. The
 * snapshot is then numbered: pushed on `earlier`. `checked`: the snapshot objects of this message checked so far.
 * The hook sends an answer that repeats as one object (src/capture/batchRepeats.ts) and a structured clone keeps
 * it one: it is checked once per message, and its events get the same checked snapshot (the relay's
 * withSameSnapshots then knows them equal at once).
 */
function snapshotOf(e: Record<string, unknown>, key: SnapshotKey, path: string, earlier: Snapshot[] | null, checked: Map<object, Snapshot>, sameField: SameField = 'same'): Snapshot {
  const s = earlier === null || e[sameField] === undefined ? carried(e, key, path, checked) : named(e, key, sameField, path, earlier);
  earlier?.push(s);
  return s;
}

function carried(e: Record<string, unknown>, key: SnapshotKey, path: string, checked: Map<object, Snapshot>): Snapshot {
  const raw = e[key];
  if (typeof raw !== 'object' || raw === null) return snapshot(e, key, path);
  const known = checked.get(raw);
  if (known !== undefined) return known;
  const s = snapshot(e, key, path);
  checked.set(raw, s);
  return s;
}

function named(e: Record<string, unknown>, key: SnapshotKey, sameField: SameField, path: string, earlier: readonly Snapshot[]): Snapshot {
  if (e[key] !== undefined) fail(join(path, sameField), `an event has either ${key} or ${sameField}, not both`);
  const k = nonNegativeInt(e, sameField, path);
  if (k >= earlier.length) fail(join(path, sameField), `expected the number of an earlier snapshot of this batch, got ${k}`);
  return earlier[k]!;
}

/**
 * `relayReports`: accept the relay's own channel-report events (relay → background only). `earlier`: the
 * batch's snapshots numbered so far, which `same` and `sameValue` may name (relay → background only).
 */
function hookEvent(data: unknown, path: string, relayReports: boolean, earlier: Snapshot[] | null, checked: Map<object, Snapshot>): HookEvent {
  const e = record(data, path);
  const type = e.type;
  switch (type) {
    case 'hook-ready': {
      const ready: Extract<HookEvent, { type: 'hook-ready' }> = {
        type,
        at: time(e, 'at', path),
        url: str(e, 'url', path, LIMITS.urlChars),
        isTop: bool(e, 'isTop', path),
        referrer: str(e, 'referrer', path, LIMITS.urlChars),
      };
      if (e.navigationStart !== undefined) ready.navigationStart = time(e, 'navigationStart', path);
      return ready;
    }
    case 'paint':
      return { type, at: time(e, 'at', path), name: oneOf<PaintName>(e, 'name', path, PAINTS) };
    case 'bridge-found': {
      const semver = e.semver;
      if (semver !== null && typeof semver !== 'string') fail(join(path, 'semver'), `expected a string or null, got ${describe(semver)}`);
      if (typeof semver === 'string' && semver.length > LIMITS.commandChars) fail(join(path, 'semver'), `string longer than ${LIMITS.commandChars} characters`);
      return {
        type,
        at: time(e, 'at', path),
        semver,
        frozen: bool(e, 'frozen', path),
        via: oneOf<'trap' | 'present'>(e, 'via', path, VIA),
      };
    }
    case 'call-start': {
      const start: Extract<HookEvent, { type: 'call-start' }> = {
        type,
        id: positiveInt(e, 'id', path),
        command: str(e, 'command', path, LIMITS.commandChars, 1),
        at: time(e, 'at', path),
        request: snapshotOf(e, 'request', path, earlier, checked),
      };
      if (e.initiator !== undefined) start.initiator = callInitiator(e.initiator, join(path, 'initiator'));
      return start;
    }
    case 'call-end':
      return {
        type,
        id: positiveInt(e, 'id', path),
        at: time(e, 'at', path),
        ok: bool(e, 'ok', path),
        value: snapshotOf(e, 'value', path, earlier, checked),
      };
    case 'call': {
      const call: Extract<HookEvent, { type: 'call' }> = {
        type,
        id: positiveInt(e, 'id', path),
        command: str(e, 'command', path, LIMITS.commandChars, 1),
        at: time(e, 'at', path),
        // Numbered in this order: the request, then the value.
        request: snapshotOf(e, 'request', path, earlier, checked),
        endAt: time(e, 'endAt', path),
        ok: bool(e, 'ok', path),
        value: snapshotOf(e, 'value', path, earlier, checked, 'sameValue'),
      };
      if (e.initiator !== undefined) call.initiator = callInitiator(e.initiator, join(path, 'initiator'));
      return call;
    }
    case 'delivery':
      return {
        type,
        id: positiveInt(e, 'id', path),
        seq: nonNegativeInt(e, 'seq', path),
        at: time(e, 'at', path),
        key: str(e, 'key', path, LIMITS.commandChars),
        args: snapshotOf(e, 'args', path, earlier, checked),
      };
    case 'transport':
      return { type, at: time(e, 'at', path), kind: oneOf<HostTransport>(e, 'kind', path, TRANSPORTS) };
    case 'channel-report':
      if (!relayReports) fail(join(path, 'type'), 'a channel report comes from the relay, never from the hook');
      return {
        type,
        at: time(e, 'at', path),
        hookDropped: nonNegativeInt(e, 'hookDropped', path),
        rejected: nonNegativeInt(e, 'rejected', path),
        foreignOffers: nonNegativeInt(e, 'foreignOffers', path),
        unanswered: bool(e, 'unanswered', path),
      };
    default:
      return fail(join(path, 'type'), typeof type === 'string' ? `unknown event type ${quote(type)}` : `expected an event type, got ${describe(type)}`);
  }
}

const VIA: ReadonlySet<string> = new Set(['trap', 'present']);
const PAINTS: ReadonlySet<string> = new Set(['first-paint', 'first-contentful-paint']);

/** A call's initiator: at most INITIATOR_FRAMES frames of bounded text and positive line and column numbers. */
function callInitiator(data: unknown, path: string): CallInitiator {
  const list = record(data, path).frames;
  const p = join(path, 'frames');
  if (!Array.isArray(list)) fail(p, `expected an array, got ${describe(list)}`);
  if (list.length > INITIATOR_FRAMES) fail(p, `more than ${INITIATOR_FRAMES} frames`);
  return {
    frames: list.map((item, i) => {
      const f = record(item, `${p}[${i}]`);
      return { fn: str(f, 'fn', `${p}[${i}]`, LIMITS.commandChars), url: str(f, 'url', `${p}[${i}]`, LIMITS.urlChars), line: positiveInt(f, 'line', `${p}[${i}]`), column: positiveInt(f, 'column', `${p}[${i}]`) };
    }),
  };
}

/** `relayReports`: relay → background (channel reports and `same` accepted). */
function eventList(obj: Record<string, unknown>, max: number, relayReports: boolean): HookEvent[] {
  const list = obj.events;
  if (!Array.isArray(list)) fail('events', `expected an array, got ${describe(list)}`);
  if (list.length > max) fail('events', `more than ${max} events (${list.length})`);
  const out: HookEvent[] = new Array<HookEvent>(list.length);
  const earlier: Snapshot[] | null = relayReports ? [] : null;
  const checked = new Map<object, Snapshot>();
  for (let i = 0; i < list.length; i++) out[i] = hookEvent(list[i], `events[${i}]`, relayReports, earlier, checked);
  return out;
}

/** Hook → relay, over the private MessagePort. */
export function parseHookMessage(data: unknown): ParseResult<HookMessage> {
  return run(() => ({ events: eventList(record(data, 'message'), LIMITS.eventsPerHookMessage, false) }));
}

function relayLosses(l: Record<string, unknown>): RelayLossReport {
  return { hookDropped: nonNegativeInt(l, 'hookDropped', 'losses'), relayRejected: nonNegativeInt(l, 'relayRejected', 'losses'), pagehide: nonNegativeInt(l, 'pagehide', 'losses') };
}

/** Relay → background, over the PORT_RELAY port. */
export function parseRelayToBackground(data: unknown): ParseResult<RelayToBackground> {
  return byType<RelayToBackground>(data, {
    hello: (m) => ({
      type: 'hello',
      docId: docId(m, ''),
      url: str(m, 'url', '', LIMITS.urlChars),
      isTop: bool(m, 'isTop', ''),
      parentUrl: str(m, 'parentUrl', '', LIMITS.urlChars),
    }),
    batch: (m) => {
      const id = docId(m, '');
      const firstSeq = positiveInt(m, 'firstSeq', '');
      const lost = nonNegativeInt(m, 'lost', '');
      const events = eventList(m, LIMITS.eventsPerBatch, true);
      if (!Number.isSafeInteger(firstSeq + events.length)) fail('firstSeq', 'sequence numbers overflow');
      const batch: Extract<RelayToBackground, { type: 'batch' }> = { type: 'batch', docId: id, firstSeq, events, lost };
      if (m.losses !== undefined) batch.losses = relayLosses(record(m.losses, 'losses'));
      return batch;
    },
  });
}

/** Background → relay. */
export function parseBackgroundToRelay(data: unknown): ParseResult<BackgroundToRelay> {
  return byType<BackgroundToRelay>(data, {
    ack: (m) => ({ type: 'ack', upTo: nonNegativeInt(m, 'upTo', '') }),
    recording: (m) => ({ type: 'recording', on: bool(m, 'on', '') }),
  });
}

/** Panel → background, over the PORT_PANEL port. Tab ids and request ids are non-negative integers. */
export function parsePanelToBackground(data: unknown): ParseResult<PanelToBackground> {
  const tabId = (m: Record<string, unknown>) => nonNegativeInt(m, 'tabId', '');
  return byType<PanelToBackground>(data, {
    subscribe: (m) => ({ type: 'subscribe', tabId: tabId(m) }),
    clear: (m) => ({ type: 'clear', tabId: tabId(m) }),
    'set-recording': (m) => ({ type: 'set-recording', tabId: tabId(m), on: bool(m, 'on', '') }),
    'set-preserve-log': (m) => ({ type: 'set-preserve-log', tabId: tabId(m), on: bool(m, 'on', '') }),
    export: (m) => ({ type: 'export', tabId: tabId(m), requestId: nonNegativeInt(m, 'requestId', '') }),
  });
}
