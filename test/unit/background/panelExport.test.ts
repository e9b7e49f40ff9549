import { describe, expect, it } from 'vitest';
import type { BackgroundToPanel, TraceV2 } from '../../../src/protocol';
import { Recorder } from '../../../src/recorder/recorder';
import { exportTraceV2, redactTrace } from '../../../src/trace';
import { applyPanelMessage, emptySessionView, sessionOfView, type SessionView } from '../../../src/ui/sessionState';
import { batch, delivery, end, hello, netEntry, options, snap, start, topHello } from '../recorder/helpers';

const TAB = 4;
const meta = { extensionVersion: '1.2.3', now: 1_800_000_000_000, browser: { name: 'Chromium', version: '120' } };
const FIT = `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify({ iss: 'forge/invocation-token', exp: 1_900_000_000 })).replace(/=+$/, '')}.c2lnbmF0dXJl`;


/**
 * Drives a recorder through what a real tab does (two app frames, a navigation with preserve log, a delivery,
 * a failed call, a call whose start was lost, network entries, an eviction), with a panel subscribed from
 * the start, and returns what each side holds.
 */
function record(subscribeAt: 'start' | 'end'): { recorder: Recorder; view: SessionView } {
  const recorder = new Recorder(options({ maxCallsPerTab: 6 }));
  let view = emptySessionView;
  const listen = () => recorder.subscribe(TAB, (m: BackgroundToPanel) => (view = applyPanelMessage(view, m)));
  if (subscribeAt === 'start') listen();
  void recorder.setPreserveLog(TAB, true);
  recorder.apply(TAB, 0, topHello('top1', 'https://site.atlassian.net/jira/one'));
  recorder.apply(TAB, 3, hello('appA', 'https://a.cdn.prod.atlassian-dev.net/index.html', 'https://site.atlassian.net/jira/one'));
  recorder.apply(TAB, 5, hello('appB', 'https://b.cdn.prod.atlassian-dev.net/index.html', 'https://site.atlassian.net/jira/one'));
  // Frame B's call starts before frame A's but arrives after it: arrival order is not start order.
  recorder.apply(TAB, 3, batch('appA', 1, [start(1, 1010), end(1, 1020), start(2, 1030, 'on', snap({ event: 'x' })), delivery(2, 1)]));
  recorder.apply(TAB, 5, batch('appB', 1, [start(1, 1005, 'invoke', snap({ functionKey: 'f', headers: { Authorization: `Bearer ${FIT}` } })), end(1, 1040, false, snap({ message: 'boom' }))]));
  void recorder.applyNetwork(TAB, [netEntry('n1', { startedAt: 1006, requestHeaders: [{ name: 'Authorization', value: `Bearer ${FIT}` }] })]);
  // A navigation: a second segment, kept (preserve log).
  recorder.apply(TAB, 0, topHello('top2', 'https://site.atlassian.net/jira/two'));
  recorder.apply(TAB, 6, hello('appC', 'https://a.cdn.prod.atlassian-dev.net/index.html', 'https://site.atlassian.net/jira/two'));
  recorder.apply(TAB, 6, batch('appC', 1, [start(1, 2000), end(1, 2010)]));
  // Its start was lost: only an end arrives.
  recorder.apply(TAB, 6, batch('appC', 4, [end(7, 2050)]));
  void recorder.applyNetwork(TAB, [netEntry('n2', { startedAt: 2001, segment: 99 })]);
  // Over the bound of 6: the oldest call is evicted.
  recorder.apply(TAB, 6, batch('appC', 5, [start(8, 2100), start(9, 2200), end(9, 2300)]));
  if (subscribeAt === 'end') listen();
  return { recorder, view };
}

function bothExports(subscribeAt: 'start' | 'end'): { fromPanel: TraceV2; fromBackground: TraceV2; view: SessionView } {
  const { recorder, view } = record(subscribeAt);
  // The panel exports what it holds; the background exports the recorder's session (its exportTrace).
  return { fromPanel: exportTraceV2(sessionOfView(view), meta), fromBackground: exportTraceV2(recorder.getSession(TAB)!, meta), view };
}

describe('Export from the panel is the background\'s export of the same tab', () => {
  for (const when of ['start', 'end'] as const) {
    it(`with the panel subscribed at the ${when}: segments, frames, calls, network, tokens, matches and counts all equal`, () => {
      const { fromPanel, fromBackground, view } = bothExports(when);
      // The recording has what the comparison needs to mean something.
      expect(fromBackground.segments.map((s) => s.url)).toEqual(['https://site.atlassian.net/jira/one', 'https://site.atlassian.net/jira/two']);
      expect(fromBackground.calls.length).toBe(6);
      expect(fromBackground.dropped).toBe(1);
      expect(fromBackground.network.map((e) => e.id)).toEqual(['n1', 'n2']);
      expect(fromBackground.tokens.length).toBeGreaterThan(0);
      expect(fromBackground.settings).toEqual({ maxCalls: 6, preserveLog: true, networkFeed: 'off' });
      expect(view.connected).toBe(true);

      expect(fromPanel.segments).toEqual(fromBackground.segments);
      expect(fromPanel.frames).toEqual(fromBackground.frames);
      expect(fromPanel.calls).toEqual(fromBackground.calls);
      expect(fromPanel.network).toEqual(fromBackground.network);
      expect(fromPanel.losses).toEqual(fromBackground.losses);
      expect(fromPanel).toEqual(fromBackground);
      expect(redactTrace(fromPanel)).toEqual(redactTrace(fromBackground));
    });
  }

  it('calls are exported by start time, whichever order they arrived in', () => {
    const { fromBackground } = bothExports('start');
    const starts = fromBackground.calls.map((c) => c.startedAt);
    expect(starts).toEqual(starts.slice().sort((a, b) => a - b));
    expect(fromBackground.calls.find((c) => c.command === '')?.durationMs).toBeNull();
  });
});
