// `npx tsx test/bench/profilePanelStreamTrace.ts`: the live-stream bench under Chromium's tracing: what the main
// thread did (script, style, layout, paint, GC, timers) in each update over 16 ms, and over all updates.
import { benchPanelStream } from './panelStream.bench';
import { busyPerFrame, profileInWindows, summarizeWindows, timerTasks, totalOverWindows } from './panelTraceWindows';

const r = await benchPanelStream({ trace: true, profile: true });
console.log(`median ${r.medianMs.toFixed(1)} ms, worst ${r.worstMs.toFixed(1)} ms, ${r.over16} over 16 ms; slowest ${r.slowest.map((s) => `#${s.batch} ${s.ms.toFixed(1)}`).join(', ')}`);
const f = (parts: [string, number][]) => parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');
console.log(`\nall ${r.updates} updates, main-thread self time (ms): ${f(totalOverWindows(r.trace!, 'update').slice(0, 12))}`);
const frames = busyPerFrame(r.trace!, 'update').sort((a, b) => a - b);
console.log(`main thread busy per frame (update start to the next, everything included): median ${frames[frames.length >> 1]?.toFixed(1)} ms, ${frames.filter((ms) => ms > 16).length} of ${frames.length} over 16 ms, worst ${frames[frames.length - 1]?.toFixed(1)} ms`);
const timers = timerTasks(r.trace!, 'update').sort((a, b) => a - b);
console.log(`timer tasks (deferred derivation and findings among them): ${timers.length}, ${timers.filter((ms) => ms > 16).length} over 16 ms, ${timers.filter((ms) => ms > 8).length} over 8 ms, worst ${timers[timers.length - 1]?.toFixed(1)} ms`);
for (const w of summarizeWindows(r.trace!, 'update', 16)) console.log(`${w.name} ${w.ms.toFixed(1)} ms: ${f(w.parts)}`);
console.log(`\nscript in the updates over 16 ms, inclusive (ms): ${f(profileInWindows(r.trace!, 'update', 16, r.profile!).slice(0, 40))}`);
