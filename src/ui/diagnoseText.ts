import { LOSS_CAUSES, LOSS_LABELS, type FrameRecord, type LossCounts, type StorageKind } from '../protocol';
import type { TrafficSummary } from '../network/trafficSummary';
import { originOf } from '../network/urls';
import { newPass, redactString } from '../redact';

export interface DiagnoseInput {
  frames: readonly FrameRecord[];
  networkFeed: 'on' | 'off';
  /** Frame URLs the page itself lists (DevTools only), to find frames the extension never heard from. */
  pageFrameUrls: readonly string[] | null;
  coveredOrigins: readonly string[];
  extensionVersion: string;
  browser: { name: string; version: string } | null;
  /** What was lost on the way from the page to the store, by cause. */
  losses: LossCounts;
  storage: StorageKind;
  /** What the Forge traffic said about the forms read (summarizeTraffic); absent when not known. */
  traffic?: TrafficSummary;
}

/** The forms seen, unknown operations and unreadable tokens: what a report from a real site must tell (forge-facts §8). */
function trafficLines(t: TrafficSummary, networkFeed: 'on' | 'off', shown: (text: string) => string): string[] {
  const { persisted, classic, unknown } = t.forms;
  const total = persisted + classic + unknown;
  const seen = [persisted && `persisted (Relay /pq/) ${persisted}`, classic && `classic (query text) ${classic}`, unknown && `unknown form ${unknown}`].filter(Boolean).join(', ');
  const lines = [`Forge GraphQL forms seen: ${total === 0 ? `none${networkFeed === 'off' ? ' (the network feed is off)' : ''}` : seen}`];
  lines.push(`Forge-looking operations not known by name: ${t.unknownOperations.length === 0 ? 'none' : t.unknownOperations.map((o) => `${shown(o.name)} ×${o.count}`).join(', ')}`);
  lines.push(`Tokens whose claims could not be read: ${t.unreadableTokens.length === 0 ? 'none' : t.unreadableTokens.map((u) => `${u.type} ×${u.count}`).join(', ')}`);
  return lines;
}

/** Whether a URL is covered by a match pattern such as https://*.atlassian.net/* or http://localhost/*. */
export function coveredBy(url: string, patterns: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((p) => {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(p);
    if (!m) return false;
    const [, scheme, host] = m;
    if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
    if (host === '*') return true;
    return host!.startsWith('*.') ? u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1)) : u.hostname === host;
  });
}

/**
 * What the extension saw on this page, as text to paste into an issue (answers forge-facts §7's open questions).
 * What the page chose (frame URLs, the URLs of frames that never reported, operation names) is redacted as an
 * export is: a Connect iframe's URL carries its JWT (`?jwt=…`), a frame's may carry a token.
 */
export function diagnoseText(d: DiagnoseInput): string {
  const pass = newPass();
  const shown = (text: string) => redactString(text, pass);
  const lines = [`Forge Bridge DevTools ${d.extensionVersion} on ${d.browser ? `${d.browser.name} ${d.browser.version}` : 'an unknown browser'}`];
  lines.push(`Network feed: ${d.networkFeed === 'on' ? 'on (DevTools open on this tab)' : 'off (requests are not seen while DevTools is closed)'}`);
  lines.push(`Frames the extension heard from: ${d.frames.length}`);
  for (const f of d.frames) {
    const bridge = f.bridge ? `bridge caught (${f.bridge.via === 'trap' ? 'trapped on install' : 'already present'}, __SEMVER ${f.bridge.semver ?? 'unknown'}${f.bridge.frozen ? ', frozen' : ''})` : 'no bridge';
    // ✓ when the hook ran and caught the bridge: this frame's calls are recorded.
    const mark = f.hookReady && f.bridge ? '✓' : '✗';
    lines.push(`${mark} ${f.isTop ? '[top] ' : ''}${shown(originOf(f.url) ?? f.url)} ${f.hookReady ? 'hook ran' : 'hook did not report'}; ${bridge}; transport ${f.transport}`);
    lines.push(`  ${shown(f.url)}`);
    const c = f.channel;
    if (c && (c.hookDropped > 0 || c.rejected > 0 || c.foreignOffers > 0 || c.unanswered)) {
      const signs = [
        c.unanswered ? 'the hook never answered the relay (its channel offer was taken, or the hook could not run)' : '',
        c.foreignOffers > 0 ? `${c.foreignOffers} channel offers the extension did not make (a page script trying to take the hook's channel)` : '',
        c.hookDropped > 0 ? `${c.hookDropped} events dropped by the hook (queue full)` : '',
        c.rejected > 0 ? `${c.rejected} hook messages refused` : '',
      ].filter(Boolean);
      lines.push(`  channel: ${signs.join('; ')}`);
    }
  }
  if (d.pageFrameUrls) {
    const heard = new Set(d.frames.map((f) => f.url));
    const silent = d.pageFrameUrls.filter((u) => u && !heard.has(u));
    const uncovered = silent.filter((u) => /^https?:/.test(u) && !coveredBy(u, d.coveredOrigins));
    lines.push(`Frames the page lists that never reported: ${silent.length}`);
    for (const u of silent) lines.push(`- ${shown(u)}${uncovered.includes(u) ? '  (origin not covered: add it in Settings)' : ''}`);
  } else {
    lines.push('Frames the page lists: unknown here (only inside DevTools)');
  }
  if (d.traffic) lines.push(...trafficLines(d.traffic, d.networkFeed, shown));
  lines.push(`Covered origins: ${d.coveredOrigins.join(', ') || 'none'}`);
  lines.push(`Storage: ${d.storage === 'persistent' ? 'IndexedDB (survives a worker restart)' : 'memory only (IndexedDB could not be opened; the log does not survive a worker restart)'}`);
  lines.push(`Losses: ${LOSS_CAUSES.map((c) => `${LOSS_LABELS[c]} ${d.losses[c]}`).join('; ')}`);
  return lines.join('\n');
}
