// `npx tsx test/bench/profilePanelStreamCpu.ts [overMs] [runs]`: the live-stream bench under Chromium's tracing,
// judged by the main thread's CPU time per update (the trace's thread time, which a busy machine's waits for a
// core leave out): how many updates took over 16 ms of CPU, and for each one over `overMs` (default 12) what it
// did (script, style, layout, GC...) and the script it ran. Several runs show which slow updates come back.
import { benchPanelStream } from './panelStream.bench';
import { cpuPerWindow, profileInWindows, summarizeCpuWindows, type TraceEvent } from './panelTraceWindows';

const overMs = Number(process.argv[2] ?? 12);
const runs = Number(process.argv[3] ?? 1);
const f = (parts: [string, number][]) => parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');
for (let run = 1; run <= runs; run++) {
  const r = await benchPanelStream({ trace: true, profile: true, heap: true });
  const cpu = [...cpuPerWindow(r.trace!, 'update').values()].sort((a, b) => a - b);
  console.log(`run ${run}: wall median ${r.medianMs.toFixed(1)} ms, ${r.over16} over 16 ms; CPU median ${cpu[cpu.length >> 1]!.toFixed(1)} ms, ${cpu.filter((ms) => ms > 16).length} over 16 ms, worst ${cpu[cpu.length - 1]!.toFixed(1)} ms; JS heap after the stream ${r.heapMb!.toFixed(1)} MB`);
  // Garbage collection inside the updates (CPU self time of V8's GC events): in all, and the most one update had.
  const gcOf = (w: { parts: [string, number][] }) => w.parts.filter(([name]) => name.startsWith('V8.GC')).reduce((sum, [, ms]) => sum + ms, 0);
  const gc = summarizeCpuWindows(r.trace!, 'update', -1, 100).map(gcOf);
  console.log(`  GC in the updates: ${gc.reduce((a, b) => a + b, 0).toFixed(1)} ms in all, in ${gc.filter((ms) => ms > 0.5).length} updates over 0.5 ms, the most in one ${Math.max(...gc).toFixed(1)} ms`);
  const slow = summarizeCpuWindows(r.trace!, 'update', overMs);
  for (const w of slow) {
    console.log(`  ${w.name} CPU ${w.ms.toFixed(1)} ms (wall ${w.wallMs.toFixed(1)}): ${f(w.parts)}`);
    const measure = r.trace!.find((e) => e.name === w.name && (e.ph === 'b' || e.ph === 'X'))!;
    const start = measure.ts;
    const end = measure.ph === 'X' ? start + measure.dur! : r.trace!.find((e) => e.name === w.name && e.ph === 'e')!.ts;
    // Style and layout passes of a millisecond and more: how much of the page each one redid.
    const passes = r.trace!.filter((e: TraceEvent) => e.ts >= start && e.ts < end && e.ph === 'X' && (e.tdur ?? 0) > 1000 && /^(Layout|UpdateLayoutTree)$/.test(e.name));
    for (const e of passes) console.log(`    ${e.name} CPU ${(e.tdur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args?.['beginData'] ?? e.args?.['elementCount'] ?? '').slice(0, 140)}`);
    console.log(`    script: ${f(profileInWindows(r.trace!, 'update', 0, r.profile!, new Set([w.name])).filter(([name]) => !/^\(root\)|^\(program\)/.test(name)).slice(0, 14))}`);
  }
}
