// `npm run bench`: prints numbers; compares with the extension against without it in the same run.
import { benchBridgeOverhead } from './bridgeOverhead';

const extensionDir = 'dist/chrome';
const overhead = await benchBridgeOverhead(extensionDir);
const f = (n: number) => n.toFixed(1);
console.log('Bridge round trip, synthetic bridge (isolates the hook), Chromium, %d sequential calls', overhead.calls);
console.log(`  median per call: without ${f(overhead.withoutMedianUs)} µs, with ${f(overhead.withMedianUs)} µs, added ${f(overhead.addedMedianUs)} µs (target ≤ 50)`);
console.log(`  p99 added: ${f(overhead.addedP99Us)} µs`);
console.log(`  total time ratio with/without: ${overhead.ratioTotal.toFixed(3)}`);
console.log(`  long tasks (> 50 ms) on the page while recording: ${overhead.longTasksWith} (longest ${f(overhead.longestTaskWithMs)} ms)`);
