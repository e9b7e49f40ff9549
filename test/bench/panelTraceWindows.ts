import type { CpuProfile } from './burst';

/**
 * Chromium trace events (page.tracing, JSON format) summarised per window: what the renderer's main thread did
 * during each of some measured stretches (an update, a scroll step), as self time per event name (script,
 * style recalculation, layout, paint, garbage collection...).
 */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: Record<string, unknown>;
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel'];

/** The renderer main thread of the page that made the user-timing measures named `prefix…`. */
function mainThread(events: readonly TraceEvent[], prefix: string): { pid: number; tid: number } | null {
  const measure = events.find((e) => e.cat.includes('blink.user_timing') && e.name.startsWith(prefix));
  if (!measure) return null;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === measure.pid && (e.args?.['name'] as string) === 'CrRendererMain');
  return main ? { pid: main.pid, tid: main.tid } : null;
}

/** Measures `prefix<n>` as [start, end] in trace microseconds. */
function windowsOf(events: readonly TraceEvent[], prefix: string): { name: string; start: number; end: number }[] {
  const open = new Map<string, number>();
  const out: { name: string; start: number; end: number }[] = [];
  for (const e of events) {
    if (!e.cat.includes('blink.user_timing') || !e.name.startsWith(prefix)) continue;
    if (e.ph === 'b') open.set(e.name, e.ts);
    else if (e.ph === 'e' && open.has(e.name)) out.push({ name: e.name, start: open.get(e.name)!, end: e.ts });
    else if (e.ph === 'X') out.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
  }
  return out;
}

/**
 * Self time (µs) per event name of the main thread's complete events, each credited at its start: wall time, or
 * with `cpu` the thread time (tdur), which leaves out the waits for a core of a busy machine.
 */
function selfSlices(events: readonly TraceEvent[], thread: { pid: number; tid: number }, cpu = false): { name: string; ts: number; self: number }[] {
  const slices = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && (!cpu || e.tdur !== undefined)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const cost = (e: TraceEvent) => (cpu ? e.tdur! : e.dur!);
  const out: { name: string; ts: number; self: number }[] = [];
  const stack: { e: TraceEvent; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
      const top = stack.pop()!;
      out.push({ name: top.e.name, ts: top.e.ts, self: top.self });
    }
  };
  for (const e of slices) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1]!.self -= cost(e);
    stack.push({ e, self: cost(e) });
  }
  close(Number.POSITIVE_INFINITY);
  return out;
}

/** For each measured window longer than `overMs`, the main thread's self time per event name inside it (ms). */
export function summarizeWindows(events: readonly TraceEvent[], prefix: string, overMs: number): { name: string; ms: number; parts: [string, number][] }[] {
  const thread = mainThread(events, prefix);
  if (!thread) return [];
  const slices = selfSlices(events, thread);
  return windowsOf(events, prefix)
    .filter((w) => (w.end - w.start) / 1000 > overMs)
    .map((w) => {
      const parts = new Map<string, number>();
      for (const s of slices) if (s.ts >= w.start && s.ts < w.end && s.self > 0) parts.set(s.name, (parts.get(s.name) ?? 0) + s.self / 1000);
      return { name: w.name, ms: (w.end - w.start) / 1000, parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8) };
    });
}

/**
 * The windows whose main-thread CPU time (cpuPerWindow) is over `overMs`, each with its CPU self time per event
 * name: the slow updates a busy machine did not make slow.
 */
export function summarizeCpuWindows(events: readonly TraceEvent[], prefix: string, overMs: number, topParts = 8): { name: string; ms: number; wallMs: number; parts: [string, number][] }[] {
  const thread = mainThread(events, prefix);
  if (!thread) return [];
  const slices = selfSlices(events, thread, true);
  const cpu = cpuPerWindow(events, prefix);
  return windowsOf(events, prefix)
    .filter((w) => cpu.get(w.name)! > overMs)
    .map((w) => {
      const parts = new Map<string, number>();
      for (const s of slices) if (s.ts >= w.start && s.ts < w.end && s.self > 0) parts.set(s.name, (parts.get(s.name) ?? 0) + s.self / 1000);
      return { name: w.name, ms: cpu.get(w.name)!, wallMs: (w.end - w.start) / 1000, parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, topParts) };
    });
}

/** Self time per event name over all windows named `prefix…` (ms), for the typical window's make-up. */
export function totalOverWindows(events: readonly TraceEvent[], prefix: string): [string, number][] {
  const thread = mainThread(events, prefix);
  if (!thread) return [];
  const slices = selfSlices(events, thread);
  const windows = windowsOf(events, prefix).sort((a, b) => a.start - b.start);
  const parts = new Map<string, number>();
  let w = 0;
  for (const s of slices.sort((a, b) => a.ts - b.ts)) {
    while (w < windows.length && windows[w]!.end <= s.ts) w++;
    if (w < windows.length && s.ts >= windows[w]!.start && s.self > 0) parts.set(s.name, (parts.get(s.name) ?? 0) + s.self / 1000);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

/**
 * Inclusive time (ms) per function name of a CPU profile taken during the same trace (both clocks are the
 * browser's monotonic one), over the samples inside the windows `prefix…` longer than `overMs`: what the
 * slow windows ran, callers included.
 */
export function profileInWindows(events: readonly TraceEvent[], prefix: string, overMs: number, profile: CpuProfile, only?: ReadonlySet<string>): [string, number][] {
  const windows = windowsOf(events, prefix).filter((w) => (only ? only.has(w.name) : (w.end - w.start) / 1000 > overMs));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (!windows.some((w) => t >= w.start && t < w.end)) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const names = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      names.add(`${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`);
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  }
  return [...inclusive].sort((a, b) => b[1] - a[1]);
}

/**
 * The main thread's busy time (ms) from the start of each window `prefix…` to the start of the next: all the
 * frame's work, what an update set off after it was measured included (a scroll event's redraw, deferred
 * tasks, the frame's own style, layout and paint).
 */
export function busyPerFrame(events: readonly TraceEvent[], prefix: string): number[] {
  const thread = mainThread(events, prefix);
  if (!thread) return [];
  const tasks = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const starts = windowsOf(events, prefix).map((w) => w.start).sort((a, b) => a - b);
  return starts.slice(0, -1).map((from, i) => {
    const to = starts[i + 1]!;
    let busy = 0;
    for (const t of tasks) busy += Math.max(0, Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts));
    return busy / 1000;
  });
}

/** Durations (ms) of the main thread's timer tasks (setTimeout callbacks: the panel's deferred work among them). */
export function timerTasks(events: readonly TraceEvent[], prefix: string): number[] {
  const thread = mainThread(events, prefix);
  if (!thread) return [];
  return events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'TimerFire').map((e) => e.dur! / 1000);
}

/**
 * The main thread's CPU time (ms, the trace's thread time) in each window `prefix…`, by name: its outermost
 * traced events that start inside it (an update runs inside a task begun before it). Less moved by a busy
 * machine than the wall time, which counts the waits for a core.
 */
export function cpuPerWindow(events: readonly TraceEvent[], prefix: string): Map<string, number> {
  const thread = mainThread(events, prefix);
  const out = new Map<string, number>();
  if (!thread) return out;
  const timed = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const w of windowsOf(events, prefix)) {
    let us = 0;
    let until = -1;
    for (const e of timed) {
      if (e.ts < w.start || e.ts >= w.end || e.ts < until) continue;
      us += e.tdur!;
      until = e.ts + e.dur!;
    }
    out.set(w.name, us / 1000);
  }
  return out;
}
