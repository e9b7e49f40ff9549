import { describe, expect, it } from 'vitest';
import { CHANNEL_OFFER, type ChannelReportEvent } from '../../../src/protocol/hook';
import { parseHookMessage, parseRelayToBackground } from '../../../src/protocol/validate';
import { ANSWER_MS, ChannelWatch, WATCH_AFTER_ANSWER_MS } from '../../../src/relay/channelWatch';
import { noLosses } from '../../../src/protocol/losses';
import { diagnoseText } from '../../../src/ui/diagnoseText';

function watch() {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const reports: ChannelReportEvent[] = [];
  const stopped: number[] = [];
  const w = new ChannelWatch({ nonce: 'n-1', now: () => 5, schedule: (fn, ms) => timers.push({ fn, ms }), report: (e) => reports.push(e), stopWindowWatch: () => stopped.push(1) });
  const run = (ms: number) => {
    for (const t of timers.splice(0)) if (t.ms <= ms) t.fn();
      else timers.push(t);
  };
  return { w, timers, reports, run, stopped };
}

describe('ChannelWatch: signs that a page went for the hook channel', () => {
  it('offers with its nonce and reports nothing when the hook answers', () => {
    const { w, reports, run } = watch();
    expect(w.offer()).toEqual({ type: CHANNEL_OFFER, nonce: 'n-1' });
    w.windowMessage({ type: CHANNEL_OFFER, nonce: 'n-1' }); // its own offer, seen by its own listener
    w.hookMessage({ events: [] }, false);
    run(ANSWER_MS);
    run(ANSWER_MS);
    expect(reports).toEqual([]);
  });

  it('reports an unanswered offer, and offers it did not make, once per burst', () => {
    const { w, reports, run } = watch();
    w.offer();
    for (let i = 0; i < 1000; i++) w.windowMessage({ type: CHANNEL_OFFER });
    w.windowMessage({ type: CHANNEL_OFFER, nonce: 'guessed' });
    w.windowMessage('unrelated');
    run(ANSWER_MS);
    run(ANSWER_MS);
    expect(reports).toEqual([{ type: 'channel-report', at: 5, hookDropped: 0, rejected: 0, foreignOffers: 1001, unanswered: true }]);
  });

  it('stops reading window messages WATCH_AFTER_ANSWER_MS after the hook answered, once, and never while unanswered', () => {
    const { w, run, stopped } = watch();
    w.offer();
    w.windowMessage({ type: CHANNEL_OFFER, nonce: 'forged' });
    run(ANSWER_MS);
    expect(stopped).toEqual([]);
    w.hookMessage({ events: [] }, false);
    w.hookMessage({ events: [] }, false);
    run(WATCH_AFTER_ANSWER_MS - 1);
    expect(stopped).toEqual([]);
    run(WATCH_AFTER_ANSWER_MS);
    run(WATCH_AFTER_ANSWER_MS);
    expect(stopped).toEqual([1]);
  });

  it("adds the hook's dropped count and refused messages", () => {
    const { w, reports, run } = watch();
    w.offer();
    w.hookMessage({ events: [], dropped: 7 }, false);
    w.hookMessage({ events: 'nonsense' }, true);
    w.hookMessage({ events: [], dropped: -3 }, false);
    run(ANSWER_MS);
    expect(reports.at(-1)).toMatchObject({ hookDropped: 7, rejected: 1, unanswered: false });
  });
});

describe('channel reports on the wire', () => {
  const report = { type: 'channel-report', at: 1, hookDropped: 2, rejected: 0, foreignOffers: 3, unanswered: true };
  it('are refused from the hook (a page could write them) and accepted from the relay', () => {
    const fromHook = parseHookMessage({ events: [report] });
    expect(fromHook.ok).toBe(false);
    const fromRelay = parseRelayToBackground({ type: 'batch', docId: 'd-1', firstSeq: 1, events: [report], lost: 0 });
    expect(fromRelay.ok && fromRelay.value.type === 'batch' && fromRelay.value.events[0]).toEqual(report);
  });

  it('show in Diagnose', () => {
    const text = diagnoseText({
      frames: [{ key: '1:d', frameId: 1, docId: 'd', url: 'https://a.cdn.prod.atlassian-dev.net/x', isTop: false, parentUrl: '', firstSeenAt: 1, hookReady: true, bridge: null, transport: 'unknown', segment: 0, channel: { hookDropped: 2, rejected: 0, foreignOffers: 3, unanswered: true } }],
      networkFeed: 'off',
      pageFrameUrls: null,
      coveredOrigins: [],
      losses: noLosses(),
      storage: 'persistent',
      extensionVersion: '1',
      browser: null,
    } as never);
    expect(text).toContain('the hook never answered the relay');
    expect(text).toContain("3 channel offers the extension did not make (a page script trying to take the hook's channel)");
    expect(text).toContain('2 events dropped by the hook');
  });
});
