import { describe, expect, it } from 'vitest';
import { computePhases, correlate } from '../../../src/network';
import { newTabSession, noLosses, type BackgroundToPanel } from '../../../src/protocol';
import { createDerivation, deriveAll } from '../../../src/ui/derived';
import { createIncrementalCorrelate } from '../../../src/ui/incrementalCorrelate';
import { applyPanelMessage, emptySessionView, type SessionView } from '../../../src/ui/sessionState';
import { random, randomSession } from './randomSession';

/** Replays a random session into the panel's state in random slices; `check` runs after each update. */
function replay(seed: number, clusters: number, check: (view: SessionView) => void): number {
  const rand = random(seed);
  const happenings = randomSession(rand, clusters);
  let view = applyPanelMessage(emptySessionView, { type: 'session', session: newTabSession(1, { networkFeed: 'on' }) });
  let updates = 0;
  for (let i = 0; i < happenings.length; ) {
    const slice = happenings.slice(i, i + 1 + Math.floor(rand() * 6));
    i += slice.length;
    const messages: BackgroundToPanel[] = [];
    const calls = slice.flatMap((h) => (h.call ? [h.call] : []));
    const entries = slice.flatMap((h) => (h.entry ? [h.entry] : []));
    if (calls.length) messages.push({ type: 'calls', tabId: 1, calls });
    if (entries.length) messages.push({ type: 'network', tabId: 1, entries });
    for (const m of messages) view = applyPanelMessage(view, m);
    // Now and then the recorder's bound drops the oldest calls: the panel gets the session anew.
    if (rand() < 0.03 && view.calls.length > 10) {
      view = applyPanelMessage(view, { type: 'session', session: newTabSession(1, { calls: view.calls.slice(5), losses: { ...noLosses(), evictedCalls: 5 }, network: view.network, networkFeed: 'on' }) });
    }
    check(view);
    updates++;
  }
  return updates;
}

describe('incremental derivation equals deriving from scratch', () => {
  it('correlation, per update, on random sessions', () => {
    let matched = 0;
    let renewals = 0;
    let uncertain = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const incremental = createIncrementalCorrelate();
      replay(seed, 30, (view) => {
        const full = correlate(view.calls, view.network);
        expect(incremental(view.calls, view.network).matches, `seed ${seed}`).toEqual(full);
        matched += full.length;
        renewals += full.filter((m) => m.relation === 'token-renewal').length;
        uncertain += full.filter((m) => m.certainty === 'uncertain').length;
      });
    }
    // The sessions exercise what correlation decides: direct matches, renewals, and ties it cannot settle.
    expect(matched).toBeGreaterThan(1000);
    expect(renewals).toBeGreaterThan(100);
    expect(uncertain).toBeGreaterThan(10);
  }, 60_000);

  it('matches, tokens and warnings, per update, on random sessions', () => {
    let tokens = 0;
    let warnings = 0;
    for (let seed = 100; seed <= 110; seed++) {
      const derive = createDerivation();
      replay(seed, 25, (view) => {
        const { phasesOf, ...got } = derive(view.calls, view.network);
        const full = deriveAll(view.calls, view.network);
        expect(got, `seed ${seed}`).toEqual(full);
        for (const c of view.calls.slice(-3)) expect(phasesOf(c)).toEqual(computePhases(c, full.matches, view.network));
        tokens += full.tokens.length;
        warnings += full.warnings.length;
      });
    }
    expect(tokens).toBeGreaterThan(100);
    expect(warnings).toBeGreaterThan(0);
  }, 60_000);

  it('reuses what did not change: a call with no request of its own leaves matches and tokens as they were', () => {
    const derive = createDerivation();
    let view: SessionView = emptySessionView;
    replay(7, 20, (v) => (view = v));
    const before = derive(view.calls, view.network);
    const later = view.calls[view.calls.length - 1]!.startedAt + 60_000;
    const calls = [...view.calls, { ...view.calls[0]!, id: 'f:d#late', callId: 99_999, startedAt: later, endedAt: later + 5 }];
    const after = derive(calls, view.network);
    expect(after.matches).toBe(before.matches);
    expect(after.tokens).toBe(before.tokens);
    expect(after.matches).toEqual(correlate(calls, view.network));
  });

  it('falls back to the whole correlation when a time is not a number, and still agrees', () => {
    const incremental = createIncrementalCorrelate();
    let view: SessionView = emptySessionView;
    replay(3, 10, (v) => (view = v));
    const broken = [...view.calls, { ...view.calls[0]!, id: 'f:d#nan', startedAt: Number.NaN }];
    expect(incremental(broken, view.network).matches).toEqual(correlate(broken, view.network));
  });
});
