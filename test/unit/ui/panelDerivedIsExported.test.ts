import { describe, expect, it } from 'vitest';
import { createInsights } from '../../../src/insights';
import { deriveForTrace } from '../../../src/trace';
import { createDerivation } from '../../../src/ui/derived';
import { keptForExport } from '../../../src/ui/keptForExport';
import { replay } from './replay';

const TOKEN_RULES: ReadonlySet<string> = new Set(['token-near-expiry', 'clock-skew', 'fit-renewal-latency']);

// The panel's Export reuses the matches, tokens and findings the panel keeps (src/ui/keptForExport.ts): they must
// be exactly what an export computes from scratch for the same session.
describe("the panel's kept derivation is what an export derives", () => {
  it('matches, tokens and findings, per update, on random sessions', () => {
    let findings = 0;
    let warningFindings = 0;
    for (let seed = 300; seed <= 308; seed++) {
      const derive = createDerivation();
      const engine = createInsights();
      replay(seed, 25, (view) => {
        const d = derive(view.calls, view.network);
        const kept = engine.update({ calls: view.calls, frames: view.frames, network: view.network, matches: d.matches, tokenWarnings: d.warnings, renewals: d.renewals });
        const fresh = deriveForTrace(view);
        expect(d.matches, `seed ${seed}`).toEqual(fresh.matches);
        expect(d.tokens, `seed ${seed}`).toEqual(fresh.tokens);
        expect(kept, `seed ${seed}`).toEqual(fresh.findings);
        findings += fresh.findings.length;
        warningFindings += fresh.findings.filter((f) => f.callIds.length > 0 && TOKEN_RULES.has(f.rule)).length;
      });
    }
    expect(findings).toBeGreaterThan(100);
    expect(warningFindings).toBeGreaterThan(0);
  }, 60_000);
});

describe('keptForExport', () => {
  const session = () => {
    let view = null as unknown as Parameters<typeof keptForExport>[0];
    replay(310, 10, (v) => (view = v));
    return view;
  };

  it("hands over the panel's matches, tokens and findings only when they are for exactly the session exported", () => {
    const view = session();
    const derived = createDerivation()(view.calls, view.network);
    const input = { calls: view.calls, frames: view.frames, network: view.network, derived };
    const findings = createInsights().update({ ...input, matches: derived.matches, tokenWarnings: derived.warnings, renewals: derived.renewals });
    const kept = { calls: view.calls, network: view.network, derived };
    expect(keptForExport(view, kept, { input, findings })).toEqual({ matches: derived.matches, tokens: derived.tokens, findings });
    // The list is ahead of the derivation or of the findings (a live tab streaming, a deferred run not done).
    const ahead = { ...view, calls: [...view.calls] };
    expect(keptForExport(ahead, kept, { input, findings })).toBeNull();
    expect(keptForExport(view, { ...kept, network: [...view.network] }, { input, findings })).toBeNull();
    expect(keptForExport(view, kept, { input: null, findings: [] })).toBeNull();
    expect(keptForExport(view, kept, { input: { ...input, frames: [...view.frames] }, findings })).toBeNull();
    expect(keptForExport(view, kept, { input: { ...input, derived: { ...derived } }, findings })).toBeNull();
  });
});
