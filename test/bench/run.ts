// `npm run bench` (or `npm run bench -- hook sandbox burst panel trace` for some): prints numbers, each
// beside the baseline it is compared to. With/without figures come from alternating blocks in one run.
import { benchBridgeOverhead } from './bridgeOverhead';
import { benchBurst } from './burst';
import { benchInitiator } from './initiator.bench';
import { formatSpread } from './interleave';
import { benchPanel } from './panel.bench';
import { benchPanelStream } from './panelStream.bench';
import { benchTrace } from './trace.bench';
import { benchSandboxRoundTrip } from './sandboxRoundTrip';
import { CPU_WINDOW_AFTER_BLOCK_MS } from './roundTrips';
import { formatMachineSpeed, machineSpeed } from './machineSpeed';
import { Targets } from './targets';

const extensionDir = 'dist/chrome';
const f = (n: number) => n.toFixed(1);
const asked = process.argv.slice(2);
const wants = (name: string) => asked.length === 0 || asked.includes(name);
const targets = new Targets();

// Every figure below moves with the machine's state: runs compare by this line, and its change by the end of the run.
console.log(`Machine at the start: ${formatMachineSpeed(machineSpeed())}`);

if (wants('hook')) {
  const r = await benchBridgeOverhead(extensionDir);
  console.log(`\nSynthetic bridge (answers on a microtask: isolates the hook's own cost; default settings, call sites off), Chromium, ${r.callsPerArm.toLocaleString('en')} sequential calls per arm, ${r.rounds} rounds of alternating blocks`);
  console.log(`  per call, median: without ${f(r.without)} µs (baseline), with ${f(r.with)} µs`);
  console.log(`  added per call: ${formatSpread(r.added, 1, r.rounds)} µs (target ≤ 50 µs)`);
  targets.check("hook's cost per call, µs", r.added.median, 50, `${f(r.added.median)} µs`);
  console.log(`  page main-thread busy time per call, everything the hook and relay do later included: without ${f(r.busyWithout)} µs (baseline), with ${f(r.busyWith)} µs; added ${f(r.busyWith - r.busyWithout)} µs`);
  if (r.settleTimeouts) console.log(`  the recorder had not caught up 30 s after ${r.settleTimeouts} blocks`);
}

if (wants('initiator')) {
  const r = await benchInitiator();
  console.log(`\nInitiator (src/capture/initiator; off by default, Settings → "Record call sites"): the hook's pipeline in a page (wrap, snapshot, channel, the relay's validation), ${r.calls.toLocaleString('en')} calls from an app-like depth in alternating blocks`);
  console.log(`  per call, median: without the initiator ${f(r.withoutUs)} µs (baseline), with it ${f(r.withUs)} µs; added ${f(r.addedUs)} µs (budget for a default-on feature: the hook's median under 10 µs)`);
}

if (wants('sandbox')) {
  const r = await benchSandboxRoundTrip(extensionDir);
  console.log(`\nForge sandbox round trip (post-robot bridge to the host page), Chromium, ${r.callsPerArm.toLocaleString('en')} sequential getContext calls per arm, ${r.rounds} rounds of alternating blocks of ${r.callsPerBlock.toLocaleString('en')} calls (about 1 s without the extension), in ${r.sets} sets of fresh browsers`);
  console.log(`  per call, median: without ${f(r.without)} µs (baseline), with ${f(r.with)} µs; added ${formatSpread(r.added, 1, r.rounds)} µs`);
  console.log(`  ratio with/without: ${formatSpread(r.ratio, 3, r.rounds)} (target ≤ 1.05 at the median)`);
  if (r.control) console.log(`  the bench's own noise: a second browser without the extension, against the first, in the same rounds: ${formatSpread(r.control, 3, r.rounds)}`);
  targets.check('sandbox round trip, ratio with/without', r.ratio.median, 1.05, r.ratio.median.toFixed(3));
  if (r.cpu) console.log(`  browser CPU per call, all processes, over each block and the ${CPU_WINDOW_AFTER_BLOCK_MS / 1000} s after it in every arm (less sensitive to other load than the times above; the extension's recording until saved included, and the bench's polls of it over one CDP session): without ${f(r.cpu.without.median)} µs (baseline), with ${f(r.cpu.with.median)} µs, median over blocks; ratio ${(r.cpu.with.median / r.cpu.without.median).toFixed(3)}`);
  if (r.settleTimeouts) console.log(`  the recorder had not caught up 30 s after ${r.settleTimeouts} blocks`);
}

if (wants('burst')) {
  const r = await benchBurst(extensionDir);
  console.log(`\nBurst: ${r.calls.toLocaleString('en')} small calls fired at once into a page with the extension, Chromium`);
  console.log(`  recorded ${r.recorded}, dropped by the bound ${r.dropped}, lost ${r.calls - r.recorded - r.dropped}; the page settled them in ${f(r.pageMs)} ms`);
  console.log(`  last call recorded ${r.recordedAfterMs === null ? 'not within 60 s' : `${r.recordedAfterMs} ms`} after the page settled it (target ≤ 1000 ms)`);
  console.log(`  worker heap after GC: ${f(r.heapAfterMB)} MB holding them, ${f(r.heapBeforeMB)} MB before (baseline); +${f(r.heapAfterMB - r.heapBeforeMB)} MB (target ≤ 15 MB)`);
  const lost = r.calls - r.recorded - r.dropped;
  targets.check('burst, calls lost', lost, 0, String(lost));
  targets.check('burst, last call recorded after the page settled it, ms', r.recordedAfterMs ?? Number.NaN, 1000, r.recordedAfterMs === null ? 'not within 60 s' : `${r.recordedAfterMs} ms`);
  targets.check('burst, worker heap added, MB', r.heapAfterMB - r.heapBeforeMB, 15, `${f(r.heapAfterMB - r.heapBeforeMB)} MB`);
}

if (wants('panel')) {
  const panel = await benchPanel();
  console.log(`\nPanel fed ${panel.calls.toLocaleString('en')} calls (a plain page in Chromium)`);
  console.log(`  first render ${f(panel.firstRenderMs)} ms (target ≤ 300); filter applied ${f(panel.filterMs)} ms (target ≤ 50)`);
  console.log(`  scrolling, ${panel.scrollFrames} steps: median ${f(panel.medianScrollFrameMs)} ms of work per frame (target ≤ 6), worst ${f(panel.worstScrollFrameMs)} ms, ${panel.scrollFramesOver16ms} over 16 ms (target 0)`);
  console.log(`  page heap after GC: ${f(panel.heapMB)} MB`);
  targets.check('panel first render, ms', panel.firstRenderMs, 300, `${f(panel.firstRenderMs)} ms`);
  targets.check('panel filter, ms', panel.filterMs, 50, `${f(panel.filterMs)} ms`);
  targets.check('scrolling, median work per step, ms', panel.medianScrollFrameMs, 6, `${f(panel.medianScrollFrameMs)} ms`);
  targets.check('scrolling, steps over 16 ms', panel.scrollFramesOver16ms, 0, String(panel.scrollFramesOver16ms));
}

if (wants('stream')) {
  const r = await benchPanelStream();
  console.log(`\nLive stream: ${r.calls.toLocaleString('en')} calls (and their requests) into an open panel, ${r.updates} updates, one per frame`);
  console.log(`  work per update: median ${f(r.medianMs)} ms, worst ${f(r.worstMs)} ms, ${r.over16} over 16 ms (target 0); slowest: ${r.slowest.map((u) => `update ${u.batch + 1} ${f(u.ms)} ms`).join(', ')} (update n: the n-th message into the panel)`);
  console.log(`  long tasks (≥ 50 ms, any task, deferred derivation and findings included): ${r.longTasks}, worst ${f(r.worstLongTaskMs)} ms`);
  targets.check('live stream, updates over 16 ms', r.over16, 0, `${r.over16} (worst ${f(r.worstMs)} ms)`);
}

if (wants('trace')) {
  const t = await benchTrace();
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`\nTrace of ${t.calls.toLocaleString('en')} calls and ${t.network.toLocaleString('en')} requests (in Chromium)`);
  console.log(`  export from scratch ${ms(t.exportMs + t.redactMs + t.partsMs)} (target ≤ 1 s): derive ${ms(t.deriveMs)}, assemble ${ms(t.exportMs - t.deriveMs)}, redact ${ms(t.redactMs)}, JSON in parts ${ms(t.partsMs)} (baseline JSON.stringify whole into a Blob ${ms(t.stringifyMs)}), ${(t.bytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  export from the panel holding the session's derivation (keptForExport): ${ms(t.exportMs - t.deriveMs + t.redactMs + t.partsMs)} (assemble, redact, JSON in parts); the background's exportTrace and a panel still catching up derive from scratch`);
  console.log(`  in the Export dialog: opening it ${ms(t.exportMs + t.redactMs)} from scratch, ${ms(t.exportMs - t.deriveMs + t.redactMs)} holding the derivation (the trace and the redaction report it shows); Save ${ms(t.partsMs)} (the JSON of the copy that report was made from)`);
  console.log(`  the export from scratch run again in the same page (code compiled, caches filled, as in a panel that derived before): ${ms(t.warmExportMs)}`);
  console.log(`  page heap: ${f(t.heapBeforeMB)} MB with the session, ${f(t.heapAfterExportMB)} MB once exported`);
  targets.check('export from scratch, ms', t.exportMs + t.redactMs + t.partsMs, 1000, ms(t.exportMs + t.redactMs + t.partsMs));
  targets.check('import, ms', t.importMs, 1000, ms(t.importMs));
  targets.check('HAR write, ms', t.harMs, 2000, ms(t.harMs));
  console.log(`  import ${ms(t.importMs)} (target ≤ 1 s); HAR write ${ms(t.harMs)} (target ≤ 2 s; baseline with JSON.stringify into a Blob ${ms(t.harStringifyMs)}), read ${ms(t.harImportMs)}, ${(t.harBytes / 1024 / 1024).toFixed(1)} MB`);
}

if (wants('validate')) {
  const { benchValidate } = await import('./validate.bench');
  const r = benchValidate();
  console.log(`\nRelay batch validation (200 events, 50-item payloads), Node: median ${r.medianMs.toFixed(2)} ms per batch over ${r.perBatchMs.length} rounds (min ${Math.min(...r.perBatchMs).toFixed(2)}, max ${Math.max(...r.perBatchMs).toFixed(2)}; budget 20 ms)`);
  targets.check('relay batch validation, ms', r.medianMs, 20, `${r.medianMs.toFixed(2)} ms`);
}

if (wants('redact')) {
  const { benchRedact, printRedactBench } = await import('./redact.bench');
  const r = await benchRedact();
  printRedactBench(r);
  targets.check('redaction of the 100,000-call trace, ms', r.traceMs, 300, `${Math.round(r.traceMs)} ms`);
  const slowest = r.hostile.reduce((a, b) => (b.ms > a.ms ? b : a));
  targets.check('redaction, slowest hostile 5 MB text, ms', slowest.ms, 200, `${Math.round(slowest.ms)} ms (${slowest.name})`);
}

console.log(`\nMachine at the end: ${formatMachineSpeed(machineSpeed())}`);
for (const line of targets.summary()) console.log(line);
