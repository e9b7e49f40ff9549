import type { Finding } from './findings';
import type { ChannelReport, HostTransport } from './hook';
import type { CallInitiator } from './initiator';
import type { NetworkEntry } from './network';
import type { Snapshot } from './snapshot';
import type { CallMatch, TokenRecord } from './tokens';
import { LIMITS } from './limits';
import { noLosses, type LossCounts } from './losses';

/** What a Forge bridge command is, for people: one place (src/bridge) maps each command to one of these. */
export type CallKind =
  | 'resolver'
  | 'invokeRemote'
  | 'invokeService'
  | 'requestRemote'
  | 'product'
  | 'context'
  | 'events'
  | 'realtime'
  | 'navigation'
  | 'modal'
  | 'flag'
  | 'uikit'
  | 'other';

export type CallStatus = 'pending' | 'ok' | 'error';

/** One document in one frame of a tab, as the recorder knows it. */
export interface FrameRecord {
  /** Recorder-wide key: `${frameId}:${docId}`. */
  key: string;
  /** The browser's frame id (0 is the top frame). */
  frameId: number;
  /** Random id the relay made for this document. */
  docId: string;
  url: string;
  isTop: boolean;
  /** The embedding page's URL as the frame saw it (document.referrer), or '' when not known. */
  parentUrl: string;
  firstSeenAt: number;
  hookReady: boolean;
  bridge: { semver: string | null; frozen: boolean; via: 'trap' | 'present' } | null;
  transport: HostTransport;
  /** Page segment the document was loaded in. */
  segment: number;
  /** How the document booted, as far as the hook saw it (absent in traces made before it was recorded). */
  boot?: BootMarks;
  /** What the relay saw of its channel with the hook, when anything was amiss (drops, refusals, a page's offers). */
  channel?: ChannelReport;
}

/** Moments of a frame's boot, epoch ms; null where not seen. */
export interface BootMarks {
  /** performance.timeOrigin: the document's navigation start. */
  navigationStart: number | null;
  /** When the Forge bridge (__bridge) was assigned, or found already there. */
  bridgeAt: number | null;
  /** first-paint and first-contentful-paint, where the browser reports them (Chromium; Firefox reports first-contentful-paint). */
  firstPaintAt: number | null;
  firstContentfulPaintAt: number | null;
}

export interface DeliveryRecord {
  seq: number;
  at: number;
  key: string;
  args: Snapshot;
}

export interface CallRecord {
  /** Recorder-wide key: `${frameKey}#${callId}`. */
  id: string;
  frameKey: string;
  callId: number;
  segment: number;
  command: string;
  kind: CallKind;
  summary: string;
  startedAt: number;
  endedAt: number | null;
  status: CallStatus;
  request: Snapshot;
  response: Snapshot | null;
  error: Snapshot | null;
  deliveries: DeliveryRecord[];
  /** Deliveries dropped beyond LIMITS.deliveriesPerCall. */
  deliveriesDropped: number;
  /** Where the app made the call (absent when the stack could not be read, or the recording predates it). */
  initiator?: CallInitiator;
}

export interface Segment {
  index: number;
  startedAt: number;
  url: string;
}

/** Where the recorder keeps its log: 'persistent' survives a stopped worker; 'memory' does not (IndexedDB could not be used). */
export type StorageKind = 'persistent' | 'memory';

/**
 * Everything about a tab's session except its frames, calls and network entries: small, and sent whole to
 * the panel whenever any of it changes (`{type:'summary'}`).
 */
export interface SessionSummary {
  segments: Segment[];
  recording: boolean;
  preserveLog: boolean;
  /** The bound on calls kept per tab (a setting). */
  maxCalls: number;
  /** What was lost, by cause. */
  losses: LossCounts;
  /** 'on' while a DevTools window watches this tab's network; what happens while it is 'off' is not seen. */
  networkFeed: 'on' | 'off';
  storage: StorageKind;
  /** Bytes the recorder holds for this tab (calls, deliveries, network entries with their bodies), as it measures them. */
  bytes: number;
  /** The bound on those bytes. */
  maxBytes: number;
}

/** Everything recorded for one tab: the one session shape the recorder, the panel and the exporter share. */
export interface TabSession extends SessionSummary {
  tabId: number;
  frames: FrameRecord[];
  /** In insertion order (the recorder's), or by start time (the panel's). */
  calls: CallRecord[];
  /** Network entries the DevTools page handed over (only while DevTools was open on the tab). */
  network: NetworkEntry[];
}

/** A session with nothing in it yet, with the given fields replaced. */
export function newTabSession(tabId: number, fields: Partial<Omit<TabSession, 'tabId'>> = {}): TabSession {
  return {
    tabId,
    segments: [],
    frames: [],
    calls: [],
    network: [],
    recording: true,
    preserveLog: false,
    maxCalls: LIMITS.defaultMaxCallsPerTab,
    losses: noLosses(),
    networkFeed: 'off',
    storage: 'persistent',
    bytes: 0,
    maxBytes: LIMITS.defaultMaxBytesPerTab,
    ...fields,
  };
}

/** A call's duration in milliseconds: null while pending, and when its start was not recorded. The one rule for every view and export. */
export function durationOf(call: Pick<CallRecord, 'command' | 'startedAt' | 'endedAt'>): number | null {
  return call.endedAt === null || call.command === UNKNOWN_COMMAND ? null : call.endedAt - call.startedAt;
}

/** The order calls are shown and exported in: by start time, then by id. */
export function byStart(a: Pick<CallRecord, 'startedAt' | 'id'>, b: Pick<CallRecord, 'startedAt' | 'id'>): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Bytes a call's recorded values take (request, and response or error), as the receiver measured them. */
export function callValueBytes(call: Pick<CallRecord, 'request' | 'response' | 'error'>): number {
  return call.request.bytes + (call.response?.bytes ?? call.error?.bytes ?? 0);
}

/**
 * The command of a call whose start was never recorded (its `call-start` was lost and only its end or a
 * delivery arrived). Real commands are never empty: the validators refuse an empty command.
 */
export const UNKNOWN_COMMAND = '';

/** The exported call shape (stable; grows in the trace issue). */
export interface TraceCall {
  id: string;
  frame: { url: string; key: string; parentUrl: string; isTop: boolean };
  command: string;
  kind: CallKind;
  summary: string;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  status: CallStatus;
  request: Snapshot;
  response?: Snapshot;
  error?: Snapshot;
  deliveries: DeliveryRecord[];
  segment: number;
  /** Where the app made the call (a short stack, innermost first), when it was recorded. */
  initiator?: CallInitiator;
}

export interface TraceV1 {
  format: 'forge-bridge-trace';
  version: 1;
  exportedAt: number;
  tabId: number;
  extension: { version: string };
  dropped: number;
  frames: FrameRecord[];
  segments: Segment[];
  calls: TraceCall[];
}

/** What redaction removed, by kind: shown to the user before saving and kept in the trace. */
export interface RedactionCounts {
  /** JWT signatures stripped (header and claims stay readable; the token cannot be replayed). */
  jwtSignatures: number;
  /** x-forge-oauth-system / x-forge-oauth-user values replaced. */
  oauthTokens: number;
  /** Cookie and Set-Cookie values replaced. */
  cookies: number;
  /** Non-JWT Authorization values replaced. */
  authorization: number;
  /** Payload values under keys matching the sensitive-key list. */
  sensitiveKeys: number;
  /** Header values not on the safe-header list (absent in traces from before it existed). */
  headers?: number;
  /** Known credential formats found in text (GitHub, Atlassian, AWS, Slack, Google, Stripe, npm tokens…). */
  knownFormats?: number;
  /** Passwords in URL userinfo and signed-URL parameters (sig, X-Amz-*, code, access_token…). */
  urlCredentials?: number;
  /** PEM private key blocks. */
  privateKeys?: number;
  /** Long opaque values under unknown names, removed because the user asked to. */
  opaque?: number;
}

/** Version 2: everything the panel shows. Calls keep the version 1 shape. The shape the extension works with (export, redaction, HAR, the viewer); files are written as TraceV3. */
export interface TraceV2 {
  format: 'forge-bridge-trace';
  version: 2;
  exportedAt: number;
  tabId: number;
  extension: { version: string };
  browser: { name: string; version: string } | null;
  /** Settings that shaped the recording. */
  settings: { maxCalls: number; preserveLog: boolean; networkFeed: 'on' | 'off' | 'unknown' };
  /** null when the author chose to keep secrets. */
  redaction: { keys: string[]; counts: RedactionCounts } | null;
  dropped: number;
  lostInTransit: number;
  /** What was lost, by cause (absent in traces written before it existed). */
  losses?: LossCounts;
  frames: FrameRecord[];
  segments: Segment[];
  calls: TraceCall[];
  network: NetworkEntry[];
  tokens: TokenRecord[];
  matches: CallMatch[];
  /** What src/insights found, most costly first; absent in traces made before findings existed. */
  findings?: Finding[];
}

/** A call as a version 3 file holds it: its frame named by key, as the recorder does (the trace's `frames` list holds the frame once); `deliveries` left out when there were none. */
export type TraceCallV3 = Omit<TraceCall, 'frame' | 'deliveries'> & { frameKey: string; deliveries?: DeliveryRecord[] };

/**
 * Version 3, the file export writes: version 2 with calls of the TraceCallV3 shape (a frame object repeated in
 * every call was a quarter of a trace's bytes). The extension works with TraceV2 (calls with their frame): import
 * reads version 3 back into it, and export writes TraceV2 as version 3 (src/trace/exportV3.ts).
 */
export interface TraceV3 extends Omit<TraceV2, 'version' | 'calls'> {
  version: 3;
  calls: TraceCallV3[];
}

export type AnyTrace = TraceV1 | TraceV2;
