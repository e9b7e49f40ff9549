import { describe, expect, it } from 'vitest';
import { MAX_PAUSED_INTERVALS, PauseLog } from '../../../src/recorder/pauses';

describe('PauseLog', () => {
  it('covers [pause, resume) and, while paused, everything from the pause on', () => {
    const log = new PauseLog();
    expect(log.covers(100)).toBe(false);
    log.pause(100);
    expect(log.paused).toBe(true);
    expect(log.covers(99)).toBe(false);
    expect(log.covers(1e12)).toBe(true);
    log.resume(200);
    expect(log.paused).toBe(false);
    expect([log.covers(99), log.covers(100), log.covers(199.9), log.covers(200)]).toEqual([false, true, true, false]);
  });

  it('ignores a second pause and a resume without a pause; restores from its copy', () => {
    const log = new PauseLog();
    log.resume(50);
    log.pause(100);
    log.pause(150);
    log.resume(200);
    expect(log.toJSON()).toEqual([{ from: 100, to: 200 }]);
    expect(new PauseLog(log.toJSON()).covers(150)).toBe(true);
  });

  it('keeps only the newest stretches', () => {
    const log = new PauseLog();
    for (let i = 0; i < MAX_PAUSED_INTERVALS + 5; i++) {
      log.pause(i * 10);
      log.resume(i * 10 + 5);
    }
    expect(log.toJSON().length).toBe(MAX_PAUSED_INTERVALS);
    expect(log.covers(2)).toBe(false);
    expect(log.covers((MAX_PAUSED_INTERVALS + 4) * 10 + 2)).toBe(true);
  });
});
