// `npx tsx test/bench/profilePanelTrace.ts`: the 100,000-call panel bench under Chromium's tracing: what the main
// thread did (script, style, layout, paint, GC) over all scroll steps, and in each step over 16 ms.
import { benchPanel } from './panel.bench';
import { cpuPerWindow, summarizeWindows, totalOverWindows } from './panelTraceWindows';

const r = await benchPanel({ trace: true });
console.log(`first render ${r.firstRenderMs.toFixed(0)} ms, filter ${r.filterMs.toFixed(0)} ms, scroll median ${r.medianScrollFrameMs.toFixed(1)} ms, worst ${r.worstScrollFrameMs.toFixed(1)} ms, ${r.scrollFramesOver16ms} over 16 ms`);
const f = (parts: [string, number][]) => parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');
console.log(`\nall ${r.scrollFrames} steps, main-thread self time (ms): ${f(totalOverWindows(r.trace!, 'step').slice(0, 12))}`);
const cpu = [...cpuPerWindow(r.trace!, 'step').values()].sort((a, b) => a - b);
console.log(`main-thread CPU per step: median ${cpu[cpu.length >> 1]?.toFixed(1)} ms, ${cpu.filter((ms) => ms > 16).length} over 16 ms, worst ${cpu[cpu.length - 1]?.toFixed(1)} ms`);
for (const w of summarizeWindows(r.trace!, 'step', 16)) console.log(`${w.name} ${w.ms.toFixed(1)} ms: ${f(w.parts)}`);
