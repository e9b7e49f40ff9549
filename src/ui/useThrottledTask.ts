import { useEffect, useRef } from 'preact/hooks';

/**
 * Work kept out of an update: while `behind()` says so after a render, `run` is called in a task of its own
 * (never inside the update that asked), at most once every `intervalMs`; the latest `run` is the one called.
 * What derivation and findings of a large live session use, so that the list draws first.
 */
export function useThrottledTask(behind: () => boolean, intervalMs: number, run: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (timer.current !== null || !behind()) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRun.current = Date.now();
      latest.current();
    }, Math.max(0, lastRun.current + intervalMs - Date.now()));
  });
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
}
