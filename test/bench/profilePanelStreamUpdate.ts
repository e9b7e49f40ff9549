// `npx tsx test/bench/profilePanelStreamUpdate.ts [n] [runs]`: the live-stream bench's update n (default 2, the
// list's first draw) by main-thread CPU time (the trace's thread time), split into script, style and layout
// (self CPU time per trace event), over several runs: what a change to the first draw moved, on a busy machine.
import { benchPanelStream } from './panelStream.bench';
import { summarizeCpuWindows } from './panelTraceWindows';

const n = Number(process.argv[2] ?? 2);
const runs = Number(process.argv[3] ?? 3);
for (let run = 1; run <= runs; run++) {
  const r = await benchPanelStream({ trace: true });
  const w = summarizeCpuWindows(r.trace!, 'update', -1, 100).find((x) => x.name === `update${n}`)!;
  const part = (name: string) => w.parts.find(([k]) => k === name)?.[1] ?? 0;
  console.log(`update${n} CPU ${w.ms.toFixed(1)} ms: script ${part('FunctionCall').toFixed(1)}, style ${part('UpdateLayoutTree').toFixed(1)}, layout ${part('Layout').toFixed(1)} (wall ${w.wallMs.toFixed(1)} ms)`);
}
