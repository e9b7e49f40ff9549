import { useEffect, useRef, useState } from 'preact/hooks';
import { finish } from '../insights';
import { computePhases, correlate } from '../network';
import type { CallMatch, CallPhases, CallRecord, NetworkEntry, TokenRecord, TokenWarning } from '../protocol';
import { collectTokens, renewalsAndWarnings, type TokenRenewal } from '../tokens';
import { createIncrementalCorrelate } from './incrementalCorrelate';
import { useThrottledTask } from './useThrottledTask';

export interface Derived {
  matches: CallMatch[];
  tokens: TokenRecord[];
  warnings: TokenWarning[];
  /** FIT renewals calls waited on. */
  renewals: TokenRenewal[];
  entries: Map<string, NetworkEntry>;
  phasesOf: (call: CallRecord) => CallPhases;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** Tokens, renewals and warnings for the matches given (what deriving from scratch does after correlation), in two steps. */
function* tokenSteps(calls: readonly CallRecord[], network: readonly NetworkEntry[], matches: readonly CallMatch[], entries: ReadonlyMap<string, NetworkEntry>) {
  const tokens = collectTokens({ calls, network, matches });
  yield;
  return { tokens, ...renewalsAndWarnings({ calls, network, matches, entries, tokens }) };
}

/** Everything derived from scratch: what the incremental derivation must always equal. */
export function deriveAll(calls: readonly CallRecord[], network: readonly NetworkEntry[]): Omit<Derived, 'phasesOf'> {
  const matches = correlate(calls, network);
  const entries = new Map(network.map((e) => [e.id, e]));
  return { matches, entries, ...finish(tokenSteps(calls, network, matches, entries)) };
}

/**
 * Matches, tokens and warnings of a session that grows, each recomputed only when what it depends on
 * changed: correlation per time island (incrementalCorrelate.ts); tokens, renewals and warnings only when
 * the network entries or the matches changed (a call that streams in without a request of its own changes
 * neither). Always equal to deriveAll (test/unit/ui/derived.test.ts). `steps` is the same work in slices (a
 * yield after correlation and after the tokens), each short enough to run in a task of its own; a run begun
 * must be finished before the next begins.
 */
export function createDerivation(): ((calls: readonly CallRecord[], network: readonly NetworkEntry[]) => Derived) & { steps(calls: readonly CallRecord[], network: readonly NetworkEntry[]): Generator<void, Derived, void> } {
  const correlate = createIncrementalCorrelate();
  let lastNetwork: readonly NetworkEntry[] = [];
  let last: Derived | null = null;
  function* steps(calls: readonly CallRecord[], network: readonly NetworkEntry[]): Generator<void, Derived, void> {
    const { matches, changed } = correlate(calls, network);
    const networkSame = last !== null && sameItems(lastNetwork, network);
    lastNetwork = network;
    if (last && networkSame && !changed) return last;
    // Until this run ends, `last` is the previous one's while correlation and lastNetwork are this one's.
    yield;
    const entries = networkSame && last ? last.entries : new Map(network.map((e) => [e.id, e]));
    last = { matches, entries, ...(yield* tokenSteps(calls, network, matches, entries)), phasesOf: (call: CallRecord) => computePhases(call, matches, entries) };
    return last;
  }
  return Object.assign((calls: readonly CallRecord[], network: readonly NetworkEntry[]) => finish(steps(calls, network)), { steps });
}

/**
 * Above this many calls, a growing session is derived after the list is drawn, at most every DERIVE_INTERVAL_MS.
 * Zero: a live tab's derivation never runs inside an update (its first runs, code still cold, made the slowest
 * updates of the live-stream bench); a session shown anew (a trace, another tab) is still derived at once.
 */
export const SYNC_DERIVE_CALLS = 0;
export const DERIVE_INTERVAL_MS = 250;

/** The derivation the panel shows, and the calls and network entries it is exactly for (the list may be ahead of it). */
export interface KeptDerivation {
  calls: readonly CallRecord[];
  network: readonly NetworkEntry[];
  derived: Derived;
}

/**
 * Whether an update derives its calls at once rather than in a task after the list is drawn: yes unless the
 * session shown grows (as many calls or more, the same first one). The same first call may be a new record: a
 * live tab's first call settling replaces it (its derivation, with the first requests, was the live-stream
 * bench's slowest settle).
 */
export function derivesAtOnce(last: KeptDerivation | null, calls: readonly CallRecord[], network: readonly NetworkEntry[]): boolean {
  if (last === null) return true;
  if (last.calls === calls && last.network === network) return false;
  const first = calls[0];
  const sameFirst = first === last.calls[0] || (first !== undefined && first.id === last.calls[0]?.id);
  return !(calls.length > SYNC_DERIVE_CALLS && calls.length >= last.calls.length && sameFirst);
}

/**
 * The panel's derived data for the calls and network entries shown, kept incrementally across updates. A
 * session that grows (the same first call, more calls: a live tab streaming) keeps its last derivation while the
 * list draws the new calls, and is derived again in a task of its own, at most every DERIVE_INTERVAL_MS: with
 * 10,000 calls in one time island, correlation and tokens took most of each streamed update. Matches, tokens and
 * the TTL column may then be up to that much behind the list. Any other change (another session, an import,
 * the oldest calls evicted) is derived at once.
 */
export function useDerived(calls: readonly CallRecord[], network: readonly NetworkEntry[]): KeptDerivation {
  const derive = useRef<ReturnType<typeof createDerivation> | null>(null);
  derive.current ??= createDerivation();
  const done = useRef<KeptDerivation | null>(null);
  const [, redraw] = useState(0);
  const latest = useRef({ calls, network });
  latest.current = { calls, network };
  // A deferred run between its slices (the derivation's state is half this run's until it ends), or its redraw to come.
  const running = useRef<{ steps: Generator<void, Derived, void>; timer: ReturnType<typeof setTimeout> | null } | null>(null);
  const settle = () => {
    const run = running.current;
    if (!run) return;
    if (run.timer !== null) clearTimeout(run.timer);
    running.current = null;
    finish(run.steps);
  };

  if (derivesAtOnce(done.current, calls, network)) {
    settle();
    done.current = { calls, network, derived: derive.current(calls, network) };
  }

  // Each slice (correlation, tokens, renewals and warnings, the redraw) in a task of its own: the whole of it
  // over 10,000 calls was one task of 10 to 25 ms, a dropped frame while calls stream in.
  useThrottledTask(() => running.current === null && (done.current!.calls !== calls || done.current!.network !== network), DERIVE_INTERVAL_MS, () => {
    const input = latest.current;
    const run: NonNullable<typeof running.current> = { steps: derive.current!.steps(input.calls, input.network), timer: null };
    running.current = run;
    const slice = () => {
      run.timer = null;
      const step = run.steps.next();
      if (!step.done) {
        run.timer = setTimeout(slice, 0);
        return;
      }
      done.current = { ...input, derived: step.value };
      run.timer = setTimeout(() => {
        running.current = null;
        redraw((n) => n + 1);
      }, 0);
    };
    slice();
  });
  useEffect(() => () => {
    if (running.current?.timer != null) clearTimeout(running.current.timer);
  }, []);
  return done.current!;
}
