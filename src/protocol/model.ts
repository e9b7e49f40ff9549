import type { Finding } from './findings';
import type { ChannelReport, HostTransport } from './hook';
import type { NetworkEntry } from './network';
import type { Snapshot } from './snapshot';
import type { CallMatch, TokenRecord } from './tokens';

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
}

export interface Segment {
  index: number;
  startedAt: number;
  url: string;
}

/** Everything recorded for one tab. */
export interface TabSession {
  tabId: number;
  segments: Segment[];
  frames: FrameRecord[];
  calls: CallRecord[];
  /** Calls dropped because the bound was reached (oldest first). */
  dropped: number;
  /** Events the relays reported they had to drop while the background was away. */
  lostInTransit: number;
  /** Messages refused by validation. */
  rejected: number;
  recording: boolean;
  preserveLog: boolean;
  maxCalls: number;
  /** Network entries the DevTools page handed over (only while DevTools was open on the tab). */
  network: NetworkEntry[];
  /** Network entries dropped beyond LIMITS.networkEntriesPerTab. */
  networkDropped: number;
  /** 'on' while a DevTools window watches this tab's network; what happens while it is 'off' is not seen. */
  networkFeed: 'on' | 'off';
}

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

/** Version 2: everything the panel shows. Calls keep the version 1 shape. */
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
  frames: FrameRecord[];
  segments: Segment[];
  calls: TraceCall[];
  network: NetworkEntry[];
  tokens: TokenRecord[];
  matches: CallMatch[];
  /** What src/insights found, most costly first; absent in traces made before findings existed. */
  findings?: Finding[];
}

export type AnyTrace = TraceV1 | TraceV2;
