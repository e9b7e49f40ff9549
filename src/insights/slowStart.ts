import { bootTimelineOf } from './bootTimeline';
import { DOCS } from './docs';
import type { FrameRule } from './types';
import { ms } from './words';

/** The app's first call this long after the frame's navigation start is a slow start (forge-facts §6: "about 1 s of nothing"). */
export const SLOW_START_MS = 1000;

/** Past this, the first call waited for the user (a button), not for the boot. */
export const BOOT_HORIZON_MS = 30_000;

/**
 * A frame whose app made its first bridge call a second or more after its navigation started, with the
 * longest gap named. Needs the recorded navigation start: without it (older traces) nothing is said.
 */
export const slowStart: FrameRule = {
  scope: 'frame',
  run(frame, calls) {
    if (!frame || calls.length === 0) return [];
    if (typeof frame.boot?.navigationStart !== 'number') return [];
    const timeline = bootTimelineOf(frame, calls);
    const first = timeline.marks.find((m) => m.name === 'first-call');
    if (!first) return [];
    const wait = first.at - timeline.origin;
    if (wait < SLOW_START_MS || wait > BOOT_HORIZON_MS) return [];
    const before = timeline.gaps.filter((g) => timeline.marks.findIndex((m) => m.name === g.to) <= timeline.marks.indexOf(first));
    const longest = before.reduce<(typeof before)[number] | null>((a, b) => (a === null || b.ms > a.ms ? b : a), null);
    const firstCall = calls.reduce((a, b) => (b.startedAt < a.startedAt ? b : a));
    return [
      {
        id: `slow-start:${frame.key}`,
        rule: 'slow-start',
        severity: wait >= 2 * SLOW_START_MS ? 'warning' : 'info',
        title: `The app's first bridge call came ${ms(wait)} after the frame started loading`,
        numbers: longest ? `Longest gap: ${longest.text}.` : `${ms(wait)} before the first call.`,
        fix: 'Make the first call (getContext, the first invoke) as the app\'s code loads, not after rendering or a chain of awaits, and load large bundles after it.',
        docs: DOCS.slowStart,
        callIds: [firstCall.id],
        costMs: wait,
      },
    ];
  },
};
