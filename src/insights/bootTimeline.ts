import type { CallRecord, FrameRecord } from '../protocol/model';
import { grouped } from './words';

export type BootMarkName = 'navigation' | 'bridge' | 'first-call' | 'first-result' | 'first-reconcile' | 'first-paint' | 'first-contentful-paint';

export interface BootMark {
  name: BootMarkName;
  label: string;
  at: number;
}

export interface BootGap {
  from: BootMarkName;
  to: BootMarkName;
  ms: number;
  /** "412 ms from the bridge being ready to the app's first call". */
  text: string;
}

export interface BootTimeline {
  frameKey: string;
  /** Marks in time order; the ones not seen are left out. */
  marks: BootMark[];
  /** Between each mark and the next. */
  gaps: BootGap[];
  /** When the frame's life is measured from: navigation start, else when the recorder first saw the frame. */
  origin: number;
  originIsNavigation: boolean;
}

const LABELS: Record<BootMarkName, string> = {
  navigation: 'navigation start',
  bridge: 'the bridge being ready',
  'first-call': "the app's first call",
  'first-result': 'the first result',
  'first-reconcile': 'the first UI Kit reconcile',
  'first-paint': 'first paint',
  'first-contentful-paint': 'first contentful paint',
};

const gapMs = (n: number) => `${grouped(Math.round(n))} ms`;

/** A frame's boot from its recorded marks and its calls: the marks in order and the named gaps between them. */
export function bootTimelineOf(frame: FrameRecord, calls: readonly CallRecord[]): BootTimeline {
  const boot = frame.boot;
  const raw: [BootMarkName, number | null | undefined][] = [
    ['navigation', boot?.navigationStart],
    ['bridge', boot?.bridgeAt],
    ['first-call', min(calls.map((c) => c.startedAt))],
    ['first-result', min(calls.flatMap((c) => (c.endedAt === null ? [] : [c.endedAt])))],
    ['first-reconcile', min(calls.filter((c) => c.command === 'reconcile').map((c) => c.startedAt))],
    ['first-paint', boot?.firstPaintAt],
    ['first-contentful-paint', boot?.firstContentfulPaintAt],
  ];
  const marks: BootMark[] = raw
    .filter((m): m is [BootMarkName, number] => typeof m[1] === 'number' && Number.isFinite(m[1]))
    .map(([name, at]) => ({ name, label: LABELS[name], at }))
    .sort((a, b) => a.at - b.at);
  const gaps: BootGap[] = [];
  for (let i = 1; i < marks.length; i++) {
    const a = marks[i - 1]!;
    const b = marks[i]!;
    gaps.push({ from: a.name, to: b.name, ms: b.at - a.at, text: `${gapMs(b.at - a.at)} from ${a.label} to ${b.label}` });
  }
  const navigation = boot?.navigationStart ?? null;
  return { frameKey: frame.key, marks, gaps, origin: navigation ?? Math.min(frame.firstSeenAt, marks[0]?.at ?? frame.firstSeenAt), originIsNavigation: navigation !== null };
}

function min(values: readonly number[]): number | null {
  let out: number | null = null;
  for (const v of values) if (out === null || v < out) out = v;
  return out;
}
