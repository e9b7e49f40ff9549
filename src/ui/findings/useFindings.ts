import { useEffect, useRef, useState } from 'preact/hooks';
import { createInsights, type Insights } from '../../insights';
import type { CallRecord, Finding, FrameRecord, NetworkEntry } from '../../protocol';
import type { Derived } from '../derived';
import { useThrottledTask } from '../useThrottledTask';

/**
 * Up to this many calls the rules run within the update; above it they run after the list is drawn. Zero: the
 * first runs of the rules, on a few dozen calls, took 10 to 25 ms of an update while their code was still cold,
 * and at 500 calls they took 3 to 10 ms (the live-stream bench's slowest updates were the ones just under each
 * threshold tried: 2,000, 500, 100). The findings then show a task after the list.
 */
export const SYNC_FINDINGS_CALLS = 0;
/** While calls stream in, the findings are worked out at most this often. */
export const FINDINGS_INTERVAL_MS = 1_000;

export interface FindingsInput {
  calls: readonly CallRecord[];
  frames: readonly FrameRecord[];
  network: readonly NetworkEntry[];
  derived: Derived;
}

const sameInput = (a: FindingsInput | null | undefined, b: FindingsInput) => !!a && a.calls === b.calls && a.frames === b.frames && a.network === b.network && a.derived === b.derived;

const insightInput = ({ calls, frames, network, derived }: FindingsInput) => ({ calls, frames, network, matches: derived.matches, tokenWarnings: derived.warnings, renewals: derived.renewals });

/** The findings shown, and what they were worked out from (null: nothing yet; the list may be ahead of it). */
export interface KeptFindings {
  input: FindingsInput | null;
  findings: Finding[];
}

/**
 * The session's findings, kept up to date as calls arrive: one engine per panel, so unchanged frames are not
 * looked at again. The session rules look at every call (100,000 calls: about 250 ms), so they run in a task
 * of their own after the list is drawn (SYNC_FINDINGS_CALLS), and at most once a second while calls stream in:
 * the list never waits for them (the profile of the first render and of the live stream found them the
 * largest cost). The findings shown may then be up to a second old.
 */
export function useFindings(calls: readonly CallRecord[], frames: readonly FrameRecord[], network: readonly NetworkEntry[], derived: Derived): KeptFindings {
  const engine = useRef<Insights | null>(null);
  engine.current ??= createInsights();
  const small = calls.length <= SYNC_FINDINGS_CALLS;
  const latest = useRef<FindingsInput>({ calls, frames, network, derived });
  latest.current = { calls, frames, network, derived };
  const [deferred, setDeferred] = useState<KeptFindings | null>(null);
  const syncMemo = useRef<KeptFindings | null>(null);

  // A deferred run between two of its rules; dropped (its timer cleared) when a run at once or a new one starts.
  const running = useRef<{ timer: ReturnType<typeof setTimeout> | null } | null>(null);
  const abandon = () => {
    if (running.current?.timer != null) clearTimeout(running.current.timer);
    running.current = null;
  };

  let kept: KeptFindings;
  if (small) {
    const memo = syncMemo.current;
    if (!sameInput(memo?.input, latest.current)) {
      abandon();
      syncMemo.current = { input: latest.current, findings: engine.current.update(insightInput(latest.current)) };
    }
    kept = syncMemo.current!;
  } else {
    kept = deferred ?? syncMemo.current ?? { input: null, findings: [] };
  }

  // Each rule in a task of its own: with 90,000 calls in a live tab, the rules together were one task of 125 to
  // 200 ms every second (a dropped frame or more each time); a rule alone takes 50 to 75 ms.
  useThrottledTask(() => !small && running.current === null && !sameInput(deferred?.input, latest.current), FINDINGS_INTERVAL_MS, () => {
    const input = latest.current;
    const steps = engine.current!.steps(insightInput(input));
    const run: NonNullable<typeof running.current> = { timer: null };
    running.current = run;
    const slice = () => {
      run.timer = null;
      if (running.current !== run) return;
      const step = steps.next();
      if (!step.done) {
        run.timer = setTimeout(slice, 0);
        return;
      }
      running.current = null;
      setDeferred({ input, findings: step.value });
    };
    slice();
  });
  useEffect(() => abandon, []);
  return kept;
}
