// `npx tsx test/bench/profileWorker.ts [out.md]` (after `npm run build`): the background worker's CPU profile
// over the 10,000-call burst, as self time per function, printed or written to a Markdown file.
import { writeFile } from 'node:fs/promises';
import { benchBurst } from './burst';
import { profileTable } from './profileSummary';

const out = process.argv[2];
const burst = await benchBurst('dist/chrome', { profile: true });
const text = [
  `# Background worker under a ${burst.calls.toLocaleString('en')}-call burst (CPU profile, CDP Profiler on the service worker target)`,
  '',
  `Recorded ${burst.recorded} (dropped ${burst.dropped}); the page settled the burst in ${burst.pageMs.toFixed(0)} ms; the last call was recorded ${burst.recordedAfterMs ?? '> 60,000'} ms later (profiler on). Worker heap ${burst.heapBeforeMB.toFixed(1)} → ${burst.heapAfterMB.toFixed(1)} MB.`,
  '',
  profileTable(burst.profile!, burst.calls),
  '',
].join('\n');
if (out) await writeFile(out, text);
console.log(text);
