import type { Finding, FindingSeverity } from '../protocol/findings';
import type { CallRecord, FrameRecord } from '../protocol/model';
import { finish } from './finish';
import { groupInRuns } from './groupInRuns';
import { FRAME_RULES, SESSION_RULES } from './rules';
import type { FrameRule, InsightInput, SessionRule } from './types';

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Most costly first: errors, then warnings, then notes; within each, the most milliseconds at stake first. */
export function byCost(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity] || b.costMs - a.costMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface FrameMemo {
  frame: FrameRecord | null;
  calls: CallRecord[];
  findings: Finding[];
}

export interface Insights {
  /** The findings for the session as it is now, most costly first. Rules whose inputs did not change are not run again. */
  update(input: InsightInput): Finding[];
  /**
   * The same work as `update`, a rule at a time: it yields after each rule it runs, so that a caller can give each
   * its own task (100,000 calls: the rules together were one task of 150 to 400 ms, each one is at most a third
   * of that). The engine's memory is written when the run ends: a run left unfinished changes nothing.
   */
  steps(input: InsightInput): Generator<void, Finding[], void>;
}

/**
 * Runs the rules over a session as it grows. The recorder and the panel keep a call's record object while it
 * does not change, so a frame whose calls are the very same records keeps its findings without running its
 * rules again; session rules run again only when one of their inputs is a new object.
 */
export function createInsights(frameRules: readonly FrameRule[] = FRAME_RULES, sessionRules: readonly SessionRule[] = SESSION_RULES): Insights {
  let frames = new Map<string, FrameMemo>();
  let session: { input: InsightInput; findings: Finding[] } | null = null;
  function* steps(input: InsightInput): Generator<void, Finding[], void> {
    const frameOf = new Map(input.frames.map((f) => [f.key, f]));
    const byFrame = groupInRuns(input.calls, (call) => call.frameKey);
    const next = new Map<string, FrameMemo>();
    for (const [key, calls] of byFrame) {
      const frame = frameOf.get(key) ?? null;
      const memo = frames.get(key);
      if (memo && memo.frame === frame && sameItems(memo.calls, calls)) {
        next.set(key, memo);
        continue;
      }
      const findings: Finding[] = [];
      for (const rule of frameRules) {
        findings.push(...safely(() => rule.run(frame, calls)));
        yield;
      }
      next.set(key, { frame, calls, findings });
    }
    const last = session?.input;
    const unchanged = last && sameItems(last.calls, input.calls) && last.network === input.network && last.matches === input.matches && last.tokenWarnings === input.tokenWarnings && last.renewals === input.renewals;
    let nextSession = session;
    if (!unchanged) {
      const findings: Finding[] = [];
      for (const rule of sessionRules) {
        findings.push(...safely(() => rule.run(input)));
        yield;
      }
      nextSession = { input, findings };
    }
    frames = next;
    session = nextSession;
    return [...[...frames.values()].flatMap((m) => m.findings), ...session!.findings].sort(byCost);
  }
  return {
    update: (input) => finish(steps(input)),
    steps,
  };
}

/** A rule that throws on a session shape nobody foresaw loses its own findings, never the others'. */
function safely(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    return [];
  }
}

/** The findings of a session, computed once. */
export function findInsights(input: InsightInput): Finding[] {
  return createInsights().update(input);
}
