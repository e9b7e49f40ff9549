/** One stretch of time when recording was off for a tab: [from, to), `to` null while still off. */
export interface PausedInterval {
  from: number;
  to: number | null;
}

/** Paused stretches kept per tab; older ones are forgotten (the relay delivers within a fraction of a second). */
export const MAX_PAUSED_INTERVALS = 64;

/**
 * When a tab's recording was off, on the recorder's clock (the worker's Date.now). Pause and Resume are
 * judged by when a call STARTED on the page (its `at`), not when its event arrived: the relay batches events,
 * so a call made just before Resume arrives after it, and one made just before Pause arrives after that.
 */
export class PauseLog {
  private intervals: PausedInterval[];

  constructor(saved: readonly PausedInterval[] = []) {
    this.intervals = saved.map((p) => ({ ...p }));
  }

  get paused(): boolean {
    return this.intervals.at(-1)?.to === null;
  }

  pause(at: number): void {
    if (this.paused) return;
    this.intervals.push({ from: at, to: null });
    if (this.intervals.length > MAX_PAUSED_INTERVALS) this.intervals.splice(0, this.intervals.length - MAX_PAUSED_INTERVALS);
  }

  resume(at: number): void {
    const last = this.intervals.at(-1);
    if (last && last.to === null) last.to = Math.max(at, last.from);
  }

  /** True when `at` lies inside a paused stretch (an open one covers everything from its start on). */
  covers(at: number): boolean {
    for (let i = this.intervals.length - 1; i >= 0; i--) {
      const p = this.intervals[i]!;
      if (at >= p.from && (p.to === null || at < p.to)) return true;
    }
    return false;
  }

  /** A copy for the store. */
  toJSON(): PausedInterval[] {
    return this.intervals.map((p) => ({ ...p }));
  }
}
