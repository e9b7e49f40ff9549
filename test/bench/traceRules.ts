// Each step of deriving a 100,000-call trace's matches, tokens and findings, alone: `npx tsx test/bench/traceRules.ts [calls] [rounds]`.
// Prints the least CPU time (user + system, ms) of each step over the rounds: on a shared machine the least is
// the step's own cost, the rest is waiting. Direction only; the bench proper (trace.bench.ts) runs in Chromium.
import { FRAME_RULES, SESSION_RULES } from '../../src/insights/rules';
import type { InsightInput } from '../../src/insights/types';
import { correlate } from '../../src/network';
import { collectTokens, fitRenewalsOf, tokenWarnings } from '../../src/tokens';
import { session } from './traceBenchSession';

const calls = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 6);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const SESSION_NAMES = ['payloadLimits', 'nearTimeout', 'repeatedCalls', 'fitRenewals', 'clockSkew', 'tokenExpiry', 'remotePath'];
const FRAME_NAMES = ['missingResolver', 'bridgeRateLimit', 'sequentialChain', 'slowStart'];
if (SESSION_RULES.length !== SESSION_NAMES.length || FRAME_RULES.length !== FRAME_NAMES.length) throw new Error('the rule lists changed: update the names here');

const least: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  const s = structuredClone(session(calls)); // cloned, as the product's sessions are (see traceBenchPage.ts)
  const took: Record<string, number> = {};
  const time = <T>(name: string, step: () => T): T => {
    const t0 = cpuMs();
    const out = step();
    took[name] = cpuMs() - t0;
    return out;
  };
  const matches = time('correlate', () => correlate(s.calls, s.network));
  const tokens = time('tokens', () => collectTokens({ calls: s.calls, network: s.network, matches }));
  const entries = new Map(s.network.map((e) => [e.id, e]));
  const renewals = time('renewals', () => fitRenewalsOf(s.calls, matches, entries, tokens));
  const warnings = time('token warnings', () => tokenWarnings({ tokens, network: s.network, calls: s.calls, matches, renewals }));
  const input: InsightInput = { calls: s.calls, frames: s.frames, network: s.network, matches, tokenWarnings: warnings, renewals };
  SESSION_RULES.forEach((rule, i) => time(SESSION_NAMES[i]!, () => rule.run(input)));
  FRAME_RULES.forEach((rule, i) => time(FRAME_NAMES[i]!, () => rule.run(s.frames[0] ?? null, s.calls)));
  for (const [name, ms] of Object.entries(took)) least[name] = Math.min(least[name] ?? Number.POSITIVE_INFINITY, ms);
}
const total = Object.values(least).reduce((a, b) => a + b, 0);
console.log(`Derive of ${calls.toLocaleString('en')} calls, least CPU ms per step over ${rounds} rounds (total ${total.toFixed(0)}):`);
for (const [name, ms] of Object.entries(least).sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(16)} ${ms.toFixed(1)}`);
