// `npx tsx test/bench/profilePanelStreamFirst.ts [n]`: the live-stream bench's first updates (or update n alone)
// by the main thread's CPU time (the trace's thread time: what a busy machine's waiting leaves out), then what
// update n (default 2, the first calls drawn) did, and the script it ran.
import { benchPanelStream } from './panelStream.bench';
import { cpuPerWindow, profileInWindows, summarizeWindows } from './panelTraceWindows';

const n = Number(process.argv[2] ?? 2);
const r = await benchPanelStream({ trace: true, profile: true });
const events = r.trace!;
const measure = (name: string) => {
  const b = events.find((e) => e.cat.includes('blink.user_timing') && e.name === name && (e.ph === 'b' || e.ph === 'X'));
  if (!b) return null;
  const end = events.find((e) => e.cat.includes('blink.user_timing') && e.name === name && e.ph === 'e')?.ts ?? b.ts + (b.dur ?? 0);
  return { start: b.ts, end };
};
const cpu = cpuPerWindow(events, 'update');
const rows = [1, 2, 3, 4, 5].map((i) => {
  const w = measure(`update${i}`)!;
  return `update${i} ${((w.end - w.start) / 1000).toFixed(1)} ms wall, ${cpu.get(`update${i}`)!.toFixed(1)} ms CPU`;
});
console.log(rows.join('; '));
const name = `update${n}`;
const only = events.filter((e) => !(e.cat.includes('blink.user_timing') && e.name.startsWith('update')) || e.name === name);
const f = (parts: [string, number][]) => parts.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ');
for (const w of summarizeWindows(only, name, 0)) console.log(`${w.name} ${w.ms.toFixed(1)} ms: ${f(w.parts)}`);
console.log(`script, inclusive (ms): ${f(profileInWindows(only, name, 0, r.profile!).slice(0, 40))}`);
const w = measure(name)!;
for (const e of events) if (e.ts >= w.start && e.ts < w.end && e.ph === 'X' && (e.dur ?? 0) > 300 && /^(Layout|UpdateLayoutTree|FunctionCall)$/.test(e.name)) console.log(`  at ${((e.ts - w.start) / 1000).toFixed(1)} ms ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${(((e as { tdur?: number }).tdur ?? 0) / 1000).toFixed(1)}) ${JSON.stringify(e.args?.['beginData'] ?? e.args?.['elementCount'] ?? '').slice(0, 120)}`);
