/** Rules that turn a session into findings: what is wrong, where, and what to change. Pure; no extension APIs. */
export { bootTimelineOf, type BootGap, type BootMark, type BootMarkName, type BootTimeline } from './bootTimeline';
export { byCost, createInsights, findInsights, type Insights } from './engine';
export { finish } from './finish';
export { findingsOfSession } from './fromSession';
export { FRAME_RULES, SESSION_RULES } from './rules';
export type { FrameRule, InsightInput, Rule, SessionRule } from './types';
