import { errorMessageOf } from '../bridge/errorMessage';
import type { Finding } from '../protocol/findings';
import { durationOf, type CallRecord, type FrameRecord } from '../protocol/model';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import type { CallPhases } from '../protocol/tokens';
import { httpStatusOfCall } from '../query/callFacts';
import { newPass, redactString, redactValue, type RedactionPass } from '../redact';
import { findingsAsMarkdown } from './findingsMarkdown';
import { boundedText, escapeMarkdown, fencedBlock, inlineCode } from './markdownText';

/** Most characters of each JSON block. */
export const MARKDOWN_BLOCK_CHARS = 2048;

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Text and values as they go into the issue: redacted unless the caller says otherwise. */
interface Scrub {
  text: (text: string) => string;
  value: (value: SnapshotValue) => unknown;
  pass: RedactionPass | null;
}

function scrubber(redact: boolean): Scrub {
  if (!redact) return { text: (t) => t, value: (v) => v, pass: null };
  const pass = newPass();
  return { text: (t) => redactString(t, pass), value: (v) => redactValue(v, pass), pass };
}

function jsonSection(title: string, snapshot: Snapshot, scrub: Scrub): string[] {
  const json = JSON.stringify(scrub.value(snapshot.value), null, 2) ?? 'null';
  const { text, cut } = boundedText(json, MARKDOWN_BLOCK_CHARS);
  const lines = ['', `**${title}**${snapshot.truncated ? ' (parts were not recorded: see the `$fbdt` entries)' : ''}`, '', fencedBlock(text, 'json')];
  if (cut) lines.push(`_Cut here: ${text.length} of ${json.length} characters shown._`);
  return lines;
}

function outcomeOf(call: CallRecord, scrub: Scrub): string {
  if (call.status === 'pending') return 'pending (no answer recorded)';
  if (call.status === 'error') return `error: ${inlineCode(scrub.text(errorMessageOf(call.error?.value)))}`;
  const status = httpStatusOfCall(call);
  return status === null ? 'ok' : `ok, HTTP ${status}`;
}

function frameOf(call: CallRecord, frame: FrameRecord | null, scrub: Scrub): string {
  if (!frame) return `${inlineCode(call.frameKey)} (frame not recorded)`;
  const module = /[?&]moduleKey=([^&#]+)/.exec(frame.url)?.[1];
  return `${inlineCode(scrub.text(frame.url))}${frame.isTop ? ' (top frame)' : ''}${module ? `, module ${inlineCode(decodeURIComponentSafe(module))}` : ''}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where the time went, for the parts that are known. */
function timingOf(phases: CallPhases): string | null {
  const known: string[] = [];
  const add = (label: string, value: number | null) => {
    if (value !== null) known.push(`${label} ${ms(value)}`);
  };
  add('bridge out', phases.bridgeOutMs);
  add('FIT renewal', phases.tokenFetchMs);
  const network = Object.entries(phases.network ?? {}).filter(([, v]) => v > 0);
  if (network.length) known.push(`network (${network.map(([k, v]) => `${k} ${ms(v)}`).join(', ')})`);
  add('bridge back', phases.bridgeBackMs);
  add('app time', phases.appTimeMs);
  add('platform overhead', phases.platformOverheadMs);
  return known.length ? known.join(', ') : null;
}

function redactionNote(pass: RedactionPass | null): string | null {
  if (!pass) return null;
  const c = pass.counts;
  const parts = [
    [c.jwtSignatures, 'token signature', 'token signatures'],
    [c.oauthTokens + c.authorization + c.cookies, 'credential header', 'credential headers'],
    [c.headers, 'header value', 'header values'],
    [c.sensitiveKeys, 'value under a sensitive key', 'values under sensitive keys'],
    [c.knownFormats + c.urlCredentials + c.privateKeys, 'credential in text', 'credentials in text'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length ? `- **Redacted for sharing:** ${said.join(', ')}` : null;
}

/**
 * A call as Markdown for an issue: command, kind, frame, outcome, duration and timing, then request and
 * response (or error) as JSON blocks of at most MARKDOWN_BLOCK_CHARS characters each. Secrets are redacted
 * as in a shared trace (JWT signatures stripped, sensitive keys masked) unless `redact: false`.
 */
export function callAsMarkdown(call: CallRecord, frame: FrameRecord | null, extras: { phases?: CallPhases | null; redact?: boolean; findings?: readonly Finding[] } = {}): string {
  const scrub = scrubber(extras.redact !== false);
  const duration = durationOf(call);
  const facts = [
    `- **Command:** ${inlineCode(call.command)} (${call.kind})`,
    `- **Frame:** ${frameOf(call, frame, scrub)}`,
    `- **Outcome:** ${outcomeOf(call, scrub)}`,
    `- **Started:** ${new Date(call.startedAt).toISOString()} · **Duration:** ${duration === null ? 'pending' : ms(duration)}`,
  ];
  const timing = extras.phases ? timingOf(extras.phases) : null;
  if (timing) facts.push(`- **Timing:** ${timing}`);
  if (call.deliveries.length || call.deliveriesDropped) facts.push(`- **Callback deliveries:** ${call.deliveries.length + call.deliveriesDropped}`);
  const title = `### ${escapeMarkdown(scrub.text(call.summary))}`;
  const sections = [
    ...jsonSection('Request', call.request, scrub),
    ...(call.response ? jsonSection('Response', call.response, scrub) : []),
    ...(call.error ? jsonSection('Error', call.error, scrub) : []),
  ];
  const note = redactionNote(scrub.pass);
  const about = findingsAsMarkdown((extras.findings ?? []).filter((f) => f.callIds.includes(call.id)), { redact: extras.redact !== false, heading: 'Findings about this call' });
  return [title, '', ...facts, ...(note ? [note] : []), ...(about ? ['', about] : []), ...sections].join('\n');
}
