// `npm run bench`: prints numbers; each compares with the extension against without it in the same run.
import { benchBridgeOverhead } from './bridgeOverhead';
import { benchBurst } from './burst';
import { benchPanel } from './panel.bench';
import { benchTrace } from './trace.bench';
import { benchSandboxRoundTrip } from './sandboxRoundTrip';

const extensionDir = 'dist/chrome';
const f = (n: number) => n.toFixed(1);

const synthetic = await benchBridgeOverhead(extensionDir);
console.log(`\nSynthetic bridge (answers on a microtask: isolates the hook's own cost), Chromium, ${synthetic.calls} sequential calls`);
console.log(`  median per call: without ${f(synthetic.withoutMedianUs)} µs, with ${f(synthetic.withMedianUs)} µs, added ${f(synthetic.addedMedianUs)} µs (target ≤ 50 µs)`);
console.log(`  p99 added: ${f(synthetic.addedP99Us)} µs; mean added ${f(synthetic.meanAddedUs)} µs (batches posted every ~20 ms included)`);
console.log(`  long tasks (> 50 ms) on the page while recording: ${synthetic.longTasksWith} (longest ${f(synthetic.longestTaskWithMs)} ms)`);

const sandbox = await benchSandboxRoundTrip(extensionDir);
console.log(`\nForge sandbox round trip (real post-robot-style bridge to the host page), Chromium, ${sandbox.calls} sequential getContext calls`);
console.log(`  median per call: without ${f(sandbox.withoutMedianUs)} µs, with ${f(sandbox.withMedianUs)} µs, added ${f(sandbox.addedMedianUs)} µs`);
console.log(`  p99 added: ${f(sandbox.addedP99Us)} µs; ratio with/without: median ${sandbox.ratioMedian.toFixed(3)}, total ${sandbox.ratioTotal.toFixed(3)} (target ≤ 1.05)`);

const burst = await benchBurst(extensionDir);
console.log(`\nBurst: ${burst.calls} calls fired at once into a page with the extension, Chromium`);
console.log(`  recorded ${burst.recorded}, dropped by the bound ${burst.dropped}, lost ${burst.calls - burst.recorded}; page settled them in ${f(burst.pageMs)} ms, all recorded after ${burst.recordedMs} ms`);

const panel = await benchPanel();
console.log(`\nPanel fed ${panel.calls.toLocaleString('en')} calls (a plain page in Chromium)`);
console.log(`  first render ${f(panel.firstRenderMs)} ms (target ≤ 500); filter applied ${f(panel.filterMs)} ms (target ≤ 100)`);
console.log(`  scrolling, ${panel.scrollFrames} steps: median ${f(panel.medianScrollFrameMs)} ms of work per frame, worst ${f(panel.worstScrollFrameMs)} ms, ${panel.scrollFramesOver16ms} over 16 ms`);
console.log(`  page heap after GC: ${f(panel.heapMB)} MB`);

const trace = await benchTrace();
const ms = (n: number) => `${Math.round(n)} ms`;
console.log(`\nTrace of ${trace.calls.toLocaleString('en')} calls and ${trace.network.toLocaleString('en')} requests (in Chromium)`);
console.log(`  export ${ms(trace.exportMs + trace.redactMs + trace.stringifyMs)} (derive ${ms(trace.exportMs)}, redact ${ms(trace.redactMs)}, JSON ${ms(trace.stringifyMs)}; target ≤ 2 s), ${(trace.bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`  import ${ms(trace.importMs)} (target ≤ 2 s); HAR: write ${ms(trace.harMs)}, read ${ms(trace.harImportMs)}, ${(trace.harBytes / 1024 / 1024).toFixed(1)} MB`);
