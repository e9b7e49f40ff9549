import { CHANNEL_OFFER, type ChannelReport, type ChannelReportEvent } from '../protocol/hook';

/**
 * What the relay watches of its private channel with the hook, and the signs that a page tried to take it.
 *
 * The channel (see src/capture/hookChannel.ts for the hook's side): the relay makes a MessageChannel, keeps
 * port1 and posts port2 to its own window once, as `{ type: CHANNEL_OFFER, nonce }`. The hook's listener,
 * on before any page script at document_start, takes the first trusted offer, hides it from every later
 * listener and stops listening; events flow hook → port2 → port1 only, so a page that obtained port2
 * could at most write into its own tab's trace, never read the hook's events. No page-reachable handle
 * can restart, redirect or stop the hook, and the relay never takes a port from the page.
 *
 * Where no browser leaves an airtight way: when the extension is installed or updated while a page is
 * open, the hook and relay arrive after the page's scripts, and a page listener registered earlier (in the
 * capture phase) sees the offer first: it may keep the hook from getting it, or hand the hook a port of its
 * own. The relay cannot prevent that; it notices the signs and reports them in the stream (a
 * `channel-report` event, shown by Diagnose):
 * - `unanswered`: nothing came through port1 within ANSWER_MS of the offer (the hook always says
 *   hook-ready first), though the frame lives on;
 * - `foreignOffers`: channel offers the window posted to itself that carry another nonce (a page imitating us;
 *   messages from other windows are not read: the hook takes no offer from another window), counted until
 *   WATCH_AFTER_ANSWER_MS after the hook answered. The hook takes one offer and stops listening, so a later
 *   offer can take nothing; and reading window messages is not free: each message the page gets (every
 *   bridge message the host page hears from its app frames) is dispatched into the relay's world, about 40 µs
 *   of the page's CPU per call in the sandbox host (profileProcesses, 12 rounds), and about 1 µs in the app frame
 *   (profileSandbox). An app makes most of its calls as it loads, so the watch is short: a page that imitates the
 *   offer does so as it loads too.
 * - `hookDropped` and `rejected`: the hook's own count of dropped events, and hook messages refused.
 */

export const ANSWER_MS = 5000;
export const REPORT_MS = 250;
/** How long after the hook's first answer the relay still reads window messages for foreign offers. */
export const WATCH_AFTER_ANSWER_MS = 2_000;

export interface ChannelWatchDeps {
  nonce: string;
  now(): number;
  schedule(fn: () => void, ms: number): void;
  report(event: ChannelReportEvent): void;
  /** Stops the window message listener that feeds windowMessage (called once, WATCH_AFTER_ANSWER_MS after the answer). */
  stopWindowWatch?(): void;
}

export class ChannelWatch {
  private readonly counts: ChannelReport = { hookDropped: 0, rejected: 0, foreignOffers: 0, unanswered: false };
  private answered = false;
  private pending = false;

  constructor(private readonly deps: ChannelWatchDeps) {}

  /** The offer message the relay posts with port2. */
  offer(): { type: typeof CHANNEL_OFFER; nonce: string } {
    this.deps.schedule(() => {
      if (this.answered) return;
      this.counts.unanswered = true;
      this.send();
    }, ANSWER_MS);
    return { type: CHANNEL_OFFER, nonce: this.deps.nonce };
  }

  /** Every window message the relay hears: an offer that is not ours is a sign. */
  windowMessage(data: unknown): void {
    if (data === null || typeof data !== 'object') return;
    const offer = data as { type?: unknown; nonce?: unknown };
    if (offer.type !== CHANNEL_OFFER || offer.nonce === this.deps.nonce) return;
    this.counts.foreignOffers++;
    this.send();
  }

  /** Every message from port1, with whether the relay refused it. */
  hookMessage(data: unknown, refused: boolean): void {
    const first = !this.answered;
    this.answered = true;
    if (first && this.deps.stopWindowWatch) this.deps.schedule(this.deps.stopWindowWatch, WATCH_AFTER_ANSWER_MS);
    let changed = first && this.counts.unanswered;
    if (first) this.counts.unanswered = false;
    const dropped = data !== null && typeof data === 'object' ? (data as { dropped?: unknown }).dropped : undefined;
    if (typeof dropped === 'number' && Number.isSafeInteger(dropped) && dropped > 0) {
      this.counts.hookDropped = Math.min(Number.MAX_SAFE_INTEGER, this.counts.hookDropped + dropped);
      changed = true;
    }
    if (refused) {
      this.counts.rejected++;
      changed = true;
    }
    if (changed) this.send();
  }

  /** Reports at most once per REPORT_MS (a page posting offers in a loop makes one report, not thousands). */
  private send(): void {
    if (this.pending) return;
    this.pending = true;
    this.deps.schedule(() => {
      this.pending = false;
      this.deps.report({ type: 'channel-report', at: this.deps.now(), ...this.counts });
    }, REPORT_MS);
  }
}
