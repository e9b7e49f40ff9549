import { median } from '../../src/stats';

/** One side of a comparison: runs one block of work and says what it cost (lower is better). */
export interface Arm {
  block(): Promise<number>;
  /** Waits until the block's after-effects are done (the recorder caught up), so none spill into the other arm. */
  settle(): Promise<void>;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Interleaved {
  rounds: number;
  /** Median block cost of each arm over all its blocks. */
  without: number;
  with: number;
  /** with / without per round (each round: median of its blocks per arm), over the rounds. */
  ratio: Spread;
  /** with − without per round, over the rounds. */
  added: Spread;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Both arms in the same run, in alternating blocks (the arm that goes first alternates by round too), so a
 * change of machine load reaches both sides alike instead of reading as overhead or as a gain.
 */
export async function interleave(arms: { without: Arm; with: Arm }, rounds: number, blocksPerRound: number): Promise<Interleaved> {
  const all = { without: [] as number[], with: [] as number[] };
  const ratios: number[] = [];
  const added: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round = { without: [] as number[], with: [] as number[] };
    const order = r % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (let b = 0; b < blocksPerRound; b++) {
      for (const name of order) {
        round[name].push(await arms[name].block());
        await arms[name].settle();
      }
    }
    all.without.push(...round.without);
    all.with.push(...round.with);
    const w = median(round.with);
    const wo = median(round.without);
    ratios.push(w / wo);
    added.push(w - wo);
  }
  return { rounds, without: median(all.without), with: median(all.with), ratio: spread(ratios), added: spread(added) };
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** "1.012 (min 0.981, max 1.090 over 7 rounds)" */
export function formatSpread(s: Spread, digits: number, rounds: number): string {
  return `${fixed(s.median, digits)} (min ${fixed(s.min, digits)}, max ${fixed(s.max, digits)} over ${rounds} rounds)`;
}
