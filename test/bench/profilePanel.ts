// `npx tsx test/bench/profilePanel.ts`: the 100,000-call panel bench with the page's CPU profile per phase (self time per function).
import { benchPanel } from './panel.bench';
import { profileTable } from './profileSummary';

const r = await benchPanel({ profile: true });
console.log(`first render ${r.firstRenderMs.toFixed(0)} ms, filter ${r.filterMs.toFixed(0)} ms, scroll median ${r.medianScrollFrameMs.toFixed(1)} ms, worst ${r.worstScrollFrameMs.toFixed(1)} ms, ${r.scrollFramesOver16ms} over 16 ms`);
for (const [phase, profile] of Object.entries(r.profiles)) console.log(`\n## ${phase}\n${profileTable(profile, r.calls, 20)}`);
