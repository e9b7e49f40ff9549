import { useMemo, useRef } from 'preact/hooks';
import { createInsights, type Insights } from '../../insights';
import type { CallRecord, Finding, FrameRecord, NetworkEntry } from '../../protocol';
import type { Derived } from '../derived';

/** The session's findings, kept up to date as calls arrive: one engine per panel, so unchanged frames are not looked at again. */
export function useFindings(calls: readonly CallRecord[], frames: readonly FrameRecord[], network: readonly NetworkEntry[], derived: Derived): Finding[] {
  const engine = useRef<Insights | null>(null);
  return useMemo(() => {
    engine.current ??= createInsights();
    return engine.current.update({ calls, frames, network, matches: derived.matches, tokenWarnings: derived.warnings, renewals: derived.renewals });
  }, [calls, frames, network, derived]);
}
