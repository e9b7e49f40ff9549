import type { SummaryInput } from '../bridge/summary';
import type { HookEvent } from '../protocol/hook';
import { LIMITS } from '../protocol/limits';
import { sameJson } from '../protocol/sameJson';
import type { CallKind, CallRecord, FrameRecord } from '../protocol/model';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { deliveryCost } from './callLog';
import type { Delta } from './panelFeed';
import type { PersistedDoc } from './recordKinds';
import { bootOf, isStartUnknown, UNKNOWN_COMMAND, UNKNOWN_REQUEST } from './records';
import { RepeatedSnapshots } from './repeatedSnapshots';
import type { TabState } from './tabState';

/** src/bridge's classifyCall has this shape: it reads the request's snapshot value. */
export type CallClassifier = (command: string, request: SnapshotValue) => CallKind;
export type CallSummarizer = (input: SummaryInput) => string;

type Event<T extends HookEvent['type']> = Extract<HookEvent, { type: T }>;
/** What a call-start says (a `call` event says it too). */
type StartFields = Omit<Event<'call-start'>, 'type'>;
/** What a call-end says (a `call` event says it as endAt, ok and value). */
type EndFields = Omit<Event<'call-end'>, 'type'>;

/**
 * Applies one document's hook events to its tab: frame facts (hook-ready, bridge, transport, channel report,
 * paints) and the call state machine (start → end, deliveries; an end or delivery whose start was not
 * recorded makes a call with an unknown start, unless its id is to be ignored).
 */
export class CallEvents {
  /** Equal snapshots of the same place held as one object (see repeatedSnapshots.ts). */
  private readonly repeats = new RepeatedSnapshots();
  /**
   * The last two summaries made and what each was made of (a call is summarised at its start and again at its
   * end). A call that repeats the one before (the same command, status and values) gets the same texts without
   * summarising again.
   */
  private recentSummaries: { input: SummaryInput; text: string }[] = [];
  /** The last call classified: a call with the same command and an equal request is of the same kind. */
  private lastKind: { command: string; request: SnapshotValue; kind: CallKind } | null = null;

  constructor(
    private readonly classify: CallClassifier,
    private readonly summarize: CallSummarizer,
  ) {}

  apply(s: TabState, doc: PersistedDoc, frame: FrameRecord, e: HookEvent, d: Delta): void {
    switch (e.type) {
      case 'hook-ready':
        if (e.url !== '') frame.url = e.url;
        frame.parentUrl = e.referrer;
        frame.hookReady = true;
        if (e.navigationStart !== undefined) frame.boot = { ...bootOf(frame), navigationStart: e.navigationStart };
        return s.frameChanged(frame, d);
      case 'bridge-found':
        frame.bridge = { semver: e.semver, frozen: e.frozen, via: e.via };
        if (bootOf(frame).bridgeAt === null) frame.boot = { ...bootOf(frame), bridgeAt: e.at };
        return s.frameChanged(frame, d);
      case 'transport':
        frame.transport = e.kind;
        return s.frameChanged(frame, d);
      case 'channel-report':
        // Reports are cumulative per document: the tab's loss counts take what is new since the last one.
        s.relayLosses(doc, { hookDropped: e.hookDropped, relayRejected: e.rejected }, d);
        frame.channel = { hookDropped: e.hookDropped, rejected: e.rejected, foreignOffers: e.foreignOffers, unanswered: e.unanswered };
        return s.frameChanged(frame, d);
      case 'paint':
        frame.boot = { ...bootOf(frame), [e.name === 'first-paint' ? 'firstPaintAt' : 'firstContentfulPaintAt']: e.at };
        return s.frameChanged(frame, d);
      case 'call-start':
        s.docs.seeCallId(doc, e.id);
        return this.start(s, doc, frame, e, d);
      case 'call-end':
        s.docs.seeCallId(doc, e.id);
        return this.end(s, doc, frame, e, d);
      case 'call':
        // A start and its end that the hook joined: applied as the two events would be.
        s.docs.seeCallId(doc, e.id);
        this.start(s, doc, frame, e, d);
        return this.end(s, doc, frame, { id: e.id, at: e.endAt, ok: e.ok, value: e.value }, d);
      case 'delivery':
        s.docs.seeCallId(doc, e.id);
        return this.delivery(s, doc, frame, e, d);
    }
  }

  private start(s: TabState, doc: PersistedDoc, frame: FrameRecord, e: StartFields, d: Delta): void {
    // Started while paused, even if it arrives after Resume (the relay batches): ignored with its end and deliveries.
    if (!s.recording || s.pauses.covers(e.at)) {
      s.docs.ignoreUpTo(doc, e.id);
      return;
    }
    const id = `${frame.key}#${e.id}`;
    const seen = s.calls.get(id);
    if (seen) {
      // Its end or a delivery came first (what the hook hands over at exit can overtake a message still on
      // its port): the start fills in what only it knows. A second start changes nothing.
      if (isStartUnknown(seen.call)) {
        this.writeStart(s, seen.call, e);
        s.grown(seen, d);
      }
      return;
    }
    const call = this.blank(frame, e.id, e.at);
    this.writeStart(s, call, e);
    s.addCall(call, d);
  }

  /** What a call-start says, written into the call (a blank one, or one whose end or a delivery came first). */
  private writeStart(s: TabState, call: CallRecord, e: StartFields): void {
    call.command = e.command;
    // Shared first: a request equal to the kept one is then that very object, and kindOf knows it at once
    // instead of comparing the values a second time.
    call.request = this.repeats.share(s.tabId, 'request', e.command, e.request);
    call.kind = this.kindOf(e.command, call.request);
    call.startedAt = e.at;
    if (e.initiator) call.initiator = e.initiator;
    call.summary = this.summaryOf(call);
  }

  private end(s: TabState, doc: PersistedDoc, frame: FrameRecord, e: EndFields, d: Delta): void {
    const entry = s.calls.get(`${frame.key}#${e.id}`);
    if (entry && entry.call.status !== 'pending') return; // a second end changes nothing
    if (!entry && this.ignored(s, doc, e.id, e.at)) return;
    const call = entry?.call ?? this.blank(frame, e.id, e.at);
    call.endedAt = e.at;
    call.status = e.ok ? 'ok' : 'error';
    if (e.ok) call.response = this.repeats.share(s.tabId, 'response', call.command, e.value);
    else call.error = this.repeats.share(s.tabId, 'error', call.command, e.value);
    call.summary = this.summaryOf(call);
    if (entry) s.grown(entry, d);
    else s.addCall(call, d);
  }

  private delivery(s: TabState, doc: PersistedDoc, frame: FrameRecord, e: Event<'delivery'>, d: Delta): void {
    let entry = s.calls.get(`${frame.key}#${e.id}`);
    if (!entry) {
      if (this.ignored(s, doc, e.id, e.at)) return;
      const call = this.blank(frame, e.id, e.at);
      call.summary = this.summaryOf(call);
      entry = s.addCall(call, d);
      if (!entry) return;
    }
    const call = entry.call;
    let added = 0;
    if (call.deliveries.length < LIMITS.deliveriesPerCall) {
      const kept = { seq: e.seq, at: e.at, key: e.key, args: this.repeats.share(s.tabId, `delivery ${e.key}`, call.command, e.args) };
      call.deliveries.push(kept);
      added = deliveryCost(kept);
    } else {
      call.deliveriesDropped++;
      s.losses.evictedDeliveries++;
      d.counters = true;
    }
    s.grown(entry, d, added);
  }

  /** An end or delivery of a call not kept: ignored while paused, and for ids cleared, evicted or started while paused. */
  private ignored(s: TabState, doc: PersistedDoc, id: number, at: number): boolean {
    return !s.recording || s.pauses.covers(at) || id <= doc.ignoreUpTo;
  }

  /** A pending call with an unknown start (see UNKNOWN_COMMAND); `start` fills in what a start says. */
  private blank(frame: FrameRecord, callId: number, at: number): CallRecord {
    return {
      id: `${frame.key}#${callId}`,
      frameKey: frame.key,
      callId,
      segment: frame.segment,
      command: UNKNOWN_COMMAND,
      kind: 'other',
      summary: '',
      startedAt: at,
      endedAt: null,
      status: 'pending',
      request: UNKNOWN_REQUEST,
      response: null,
      error: null,
      deliveries: [],
      deliveriesDropped: 0,
    };
  }

  private kindOf(command: string, request: Snapshot): CallKind {
    const last = this.lastKind;
    if (last !== null && last.command === command && sameValue(last.request, request.value)) {
      // Kept as the latest equal object: the batch's later calls share it (the validator checks a repeated snapshot
      // once per message), so they are known equal at once instead of compared again.
      last.request = request.value;
      return last.kind;
    }
    let kind: CallKind;
    try {
      kind = this.classify(command, request.value);
    } catch {
      return 'other';
    }
    this.lastKind = { command, request: request.value, kind };
    return kind;
  }

  private summaryOf(call: CallRecord): string {
    const input: SummaryInput = {
      command: call.command,
      request: call.request.value,
      status: call.status,
      response: call.response ? call.response.value : null,
      error: call.error ? call.error.value : null,
    };
    for (const recent of this.recentSummaries) {
      if (!sameInput(recent.input, input)) continue;
      recent.input = input; // the latest equal objects, as in kindOf
      return recent.text;
    }
    let text: string;
    try {
      const made = this.summarize(input);
      text = typeof made === 'string' ? made : '';
    } catch {
      return call.command;
    }
    this.recentSummaries = [{ input, text }, ...this.recentSummaries.slice(0, 1)];
    return text;
  }
}

/** The same summary input: equal texts and equal values (summaries read values only; shared ones are one object). */
function sameInput(a: SummaryInput, b: SummaryInput): boolean {
  return a.command === b.command && a.status === b.status && sameValue(a.request, b.request) && sameValue(a.response, b.response) && sameValue(a.error, b.error);
}

function sameValue(a: SnapshotValue | null, b: SnapshotValue | null): boolean {
  return a === b || (a !== null && b !== null && sameJson(a, b));
}
