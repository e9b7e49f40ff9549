// `npx tsx test/bench/compareBuilds.ts [sets] [roundsPerSet] [calls] [name=extensionDir ...]` (after `npm run build`):
// the sandbox round trip of several builds (`name=` with no directory: no extension), each against the first, in sets
// of fresh browsers with the arms' order rotating by round, as the sandbox bench does. For variant builds that leave a
// part out (a copy of dist/chrome with one line changed): which part of the extension a round trip waits for.
// Wall time only; profileProcesses.ts gives each process's CPU for the same arms.
import { launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { median } from '../../src/stats';
import { startSandbox } from '../sandbox';
import { buildArms } from './buildArms';
import { armOrder } from './interleave';
import { openIssuePanel } from './sandboxRoundTrip';

const sets = Number(process.argv[2] ?? 6);
const roundsPerSet = Number(process.argv[3] ?? 4);
const calls = Number(process.argv[4] ?? 1400);
const builds = buildArms(process.argv.slice(5));
/** Between blocks: the hook's, the relay's and the recorder's work of a block done before the next starts. */
const PAUSE_MS = 900;

const sandbox = await startSandbox();
const ratios: number[][] = builds.map(() => []);
const times: number[][] = builds.map(() => []);
try {
  for (let set = 0; set < sets; set++) {
    const sessions: ChromiumSession[] = [];
    try {
      const arms: Awaited<ReturnType<typeof openIssuePanel>>[] = [];
      for (const [i, [, dir]] of builds.entries()) {
        const session = await launchChromium(dir ? { extensionDir: dir } : {});
        sessions.push(session);
        arms[i] = await openIssuePanel(session, sandbox.siteUrl);
        await arms[i]!.run(300);
      }
      await new Promise((r) => setTimeout(r, 1000));
      for (let r = 0; r < roundsPerSet; r++) {
        const round = set * roundsPerSet + r;
        const perCall: number[] = [];
        for (const i of armOrder([...builds.keys()], round)) {
          perCall[i] = await arms[i]!.run(calls);
          await new Promise((res) => setTimeout(res, PAUSE_MS));
        }
        builds.forEach((_, i) => {
          times[i]!.push(perCall[i]!);
          ratios[i]!.push(perCall[i]! / perCall[0]!);
        });
      }
    } finally {
      for (const s of sessions) await s.close();
    }
  }
} finally {
  await sandbox.stop();
}
console.log(`${calls} getContext calls per block, ${sets} sets of fresh browsers × ${roundsPerSet} rounds; medians over rounds`);
for (const [i, [name]] of builds.entries()) {
  if (i === 0) console.log(`  ${name}: ${median(times[i]!).toFixed(0)} µs per call (baseline)`);
  else console.log(`  ${name}: ${median(times[i]!).toFixed(0)} µs per call; ratio to ${builds[0]![0]} ${median(ratios[i]!).toFixed(3)} (min ${Math.min(...ratios[i]!).toFixed(3)}, max ${Math.max(...ratios[i]!).toFixed(3)})`);
}
