import { describe, expect, it } from 'vitest';
import type { CallRecord, FrameRecord, TokenRecord } from '../../../src/protocol';
import { deriveAll } from '../../../src/ui/derived';
import { createPendingCheck } from '../../../src/ui/firstChange';
import { createModuleKeys, moduleKeysOf } from '../../../src/ui/frameModules';
import { createWaterfallScale } from '../../../src/ui/incrementalWaterfall';
import { buildRows, createRowBuilder, filterRows, sortRows, type Row } from '../../../src/ui/listModel';
import { parseFilter } from '../../../src/query';
import { waterfallScale } from '../../../src/ui/waterfallScale';
import { random } from './randomSession';
import { replay } from './replay';

const FRAMES = ['1:a', '2:b', '3:c'];

/**
 * Calls spread over three frames, every seventh one long (so busy time, not the least threshold, decides which
 * idle gaps are cut), getContext calls answering a module key (or none); the same for a call's pending and settled forms.
 */
function spread(call: CallRecord): CallRecord {
  const n = Number(call.id.split('#')[1]);
  const frameKey = FRAMES[n % FRAMES.length]!;
  const id = `${frameKey}#${n}`;
  if (call.endedAt !== null && n % 7 === 0) call = { ...call, endedAt: call.startedAt + (call.endedAt - call.startedAt) * 40 };
  if (call.command !== 'getContext' || call.endedAt === null) return { ...call, id, frameKey };
  const moduleKey = n % 4 === 0 ? null : `module-${n % 5}`;
  return { ...call, id, frameKey, response: { value: moduleKey === null ? {} : { moduleKey }, bytes: 20, truncated: false } };
}

const frame = (key: string, n: number): FrameRecord => ({ key, frameId: Number(key.split(':')[0]), docId: key, url: `http://localhost:800${n}/app/index.html`, isTop: false, parentUrl: 'http://site.test/', firstSeenAt: 0, hookReady: true, bridge: null, transport: 'post-robot', segment: 0 });

/**
 * What a panel's list goes through: the session growing, frames and tokens arriving, the list filtered or
 * sorted now and then. The rows are the panel's (kept across updates; `rows` checks them against buildRows).
 */
function views(seed: number, visit: (rows: Row[], shownRows: Row[], now: number, calls: readonly CallRecord[], frames: FrameRecord[], tokens: readonly TokenRecord[]) => void) {
  const rand = random(seed);
  let frames: FrameRecord[] = [];
  let tokens: readonly TokenRecord[] = [];
  let now = 1_800_000_000_000;
  const build = createRowBuilder();
  return replay(seed, 40, (view) => {
    if (rand() < 0.1 && frames.length < FRAMES.length) frames = [...frames, frame(FRAMES[frames.length]!, frames.length)];
    if (rand() < 0.2) tokens = deriveAll(view.calls, view.network).tokens;
    now = Math.max(now, view.calls[view.calls.length - 1]?.startedAt ?? 0) + Math.floor(rand() * 3000);
    const rows = build(view.calls, frames, tokens);
    const r = rand();
    const shownRows = r < 0.1 ? sortRows(rows, { key: 'duration', descending: false }) : r < 0.2 ? filterRows(rows, { query: parseFilter('getContext'), chips: new Set(), errorsOnly: false }) : rows;
    visit(rows, shownRows, now, view.calls, frames, tokens);
  }, spread);
}

describe('the list kept across updates equals the list worked out whole', () => {
  it('rows: per update, on random sessions with frames and tokens arriving', () => {
    let updates = 0;
    for (let seed = 1; seed <= 8; seed++) {
      views(seed, (got, _shown, _now, calls, frames, tokens) => {
        const full = buildRows(calls, frames, tokens);
        expect(got, `seed ${seed}`).toEqual(full);
        got.forEach((row, i) => expect(row, `seed ${seed} row ${i}`).toBe(full[i]));
        updates++;
      });
    }
    expect(updates).toBeGreaterThan(100);
  });

  it('module keys: per update, including sorted and filtered lists', () => {
    let keyed = 0;
    for (let seed = 20; seed <= 27; seed++) {
      const keysOf = createModuleKeys();
      views(seed, (_rows, shown) => {
        const full = moduleKeysOf(shown.map((r) => r.call));
        expect(new Map(keysOf(shown)), `seed ${seed}`).toEqual(full);
        keyed += full.size;
      });
    }
    expect(keyed).toBeGreaterThan(100);
  });

  it('waterfall scale: per update and clock tick, with pending calls, idle gaps cut, sorted and filtered lists', () => {
    let cut = 0;
    let pending = 0;
    for (let seed = 40; seed <= 47; seed++) {
      const scaleOf = createWaterfallScale();
      views(seed, (_rows, shown, now) => {
        for (const t of [now, now + 1500]) {
          const got = scaleOf(shown, t);
          const full = waterfallScale(shown.map((r) => ({ start: r.call.startedAt, end: r.call.endedAt ?? t })));
          const { at: gotAt, ...gotRest } = got;
          const { at: fullAt, ...fullRest } = full;
          expect(gotRest, `seed ${seed}`).toEqual(fullRest);
          for (const r of shown.slice(-5)) expect(gotAt(r.call.startedAt)).toBe(fullAt(r.call.startedAt));
          cut += full.gaps.length;
          // Pending calls make the scale move with the clock: the second time, 1.5 s later, must not be a stale answer.
          if (shown.some((r) => r.call.endedAt === null)) pending++;
        }
      });
    }
    expect(cut).toBeGreaterThan(50);
    expect(pending).toBeGreaterThan(50);
  });

  it('any call pending: per update, including sorted and filtered lists', () => {
    const answers = new Set<boolean>();
    for (let seed = 60; seed <= 65; seed++) {
      const pendingIn = createPendingCheck();
      const pendingShown = createPendingCheck();
      views(seed, (_rows, shown, _now, calls) => {
        const full = calls.some((c) => c.endedAt === null);
        expect(pendingIn(calls), `seed ${seed}`).toBe(full);
        expect(pendingShown(shown.map((r) => r.call)), `seed ${seed}`).toBe(shown.some((r) => r.call.endedAt === null));
        answers.add(full);
      });
    }
    expect([...answers].sort()).toEqual([false, true]);
  });
});
