import { describe, expect, it } from 'vitest';
import { computePhases, correlate } from '../../../src/network';
import { createDerivation, deriveAll } from '../../../src/ui/derived';
import { createIncrementalCorrelate } from '../../../src/ui/incrementalCorrelate';
import { emptySessionView, type SessionView } from '../../../src/ui/sessionState';
import { replay } from './replay';

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

  it('in slices (one task each in the panel), per update, on random sessions', () => {
    let sliced = 0;
    for (let seed = 120; seed <= 126; seed++) {
      const derive = createDerivation();
      replay(seed, 25, (view) => {
        const steps = derive.steps(view.calls, view.network);
        let slices = 1;
        let step = steps.next();
        for (; !step.done; step = steps.next()) slices++;
        const { phasesOf: _phasesOf, ...got } = step.value;
        expect(got, `seed ${seed}`).toEqual(deriveAll(view.calls, view.network));
        if (slices === 3) sliced++;
      });
    }
    // Most updates change matches or requests: correlation, tokens, and renewals with warnings each get a slice.
    expect(sliced).toBeGreaterThan(50);
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
