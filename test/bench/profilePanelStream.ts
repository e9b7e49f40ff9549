// `npx tsx test/bench/profilePanelStream.ts`: the live-stream bench with the panel page's CPU profile, as self time per function.
import { benchPanelStream } from './panelStream.bench';
import { profileTable } from './profileSummary';

const r = await benchPanelStream({ profile: true });
console.log(`median ${r.medianMs.toFixed(1)} ms, worst ${r.worstMs.toFixed(1)} ms, ${r.over16} over 16 ms`);
console.log(profileTable(r.profile!, r.calls, 30));
