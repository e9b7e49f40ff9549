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

/**
 * The arms of a comparison: `control`, when given, is a second `without` (another browser, the same setup): what
 * the bench reads as overhead when there is none, measured in the same rounds.
 */
export interface Arms<A extends Arm = Arm> {
  without: A;
  with: A;
  control?: A;
}

type ArmName = keyof Arms;

/** One round's block costs, per arm. */
export type Round = Partial<Record<ArmName, number[]>>;

export interface Interleaved {
  rounds: number;
  /** Median block cost of each arm over all its blocks. */
  without: number;
  with: number;
  /** with / without per round (each round: median of its blocks per arm), over the rounds. */
  ratio: Spread;
  /** with − without per round, over the rounds. */
  added: Spread;
  /** control / without per round, over the rounds: the bench's own noise (absent without a control arm). */
  control: Spread | null;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The order of the arms in round `r`: each arm goes first, in the middle and last equally often over the rounds (a
 * rotation, reversed every other cycle), so neither the first block's cold start nor the last one's after-effects
 * fall on one arm.
 */
export function armOrder<T>(names: readonly T[], r: number): T[] {
  const n = names.length;
  const shift = r % n;
  const rotated = [...names.slice(shift), ...names.slice(0, shift)];
  return Math.floor(r / n) % 2 === 0 ? rotated : rotated.reverse();
}

/**
 * The arms in the same run, in alternating blocks (the order changes by round too), so a change of machine load
 * reaches every side alike instead of reading as overhead or as a gain. `firstRound` continues the order of an
 * earlier call (rounds run in sets of fresh browsers).
 */
export async function interleave(arms: Arms, rounds: number, blocksPerRound: number, firstRound = 0): Promise<Round[]> {
  const names = (['without', 'with', 'control'] as const).filter((name) => arms[name] !== undefined);
  const out: Round[] = [];
  for (let r = firstRound; r < firstRound + rounds; r++) {
    const round: Round = {};
    for (let b = 0; b < blocksPerRound; b++) {
      for (const name of armOrder(names, r)) {
        const cost = await arms[name]!.block();
        await arms[name]!.settle();
        (round[name] ??= []).push(cost);
      }
    }
    out.push(round);
  }
  return out;
}

/** Medians and per-round ratios of rounds from one or more `interleave` calls. */
export function summarize(rounds: readonly Round[]): Interleaved {
  const all = (name: ArmName) => rounds.flatMap((round) => round[name] ?? []);
  const perRound = (name: ArmName) => rounds.map((round) => median(round[name] ?? []));
  const without = perRound('without');
  const withExtension = perRound('with');
  const control = rounds.length > 0 && rounds.every((round) => round.control?.length) ? perRound('control') : null;
  return {
    rounds: rounds.length,
    without: median(all('without')),
    with: median(all('with')),
    ratio: spread(withExtension.map((w, i) => w / without[i]!)),
    added: spread(withExtension.map((w, i) => w - without[i]!)),
    control: control && spread(control.map((c, i) => c / without[i]!)),
  };
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** "1.012 (min 0.981, max 1.090 over 7 rounds)" */
export function formatSpread(s: Spread, digits: number, rounds: number): string {
  return `${fixed(s.median, digits)} (min ${fixed(s.min, digits)}, max ${fixed(s.max, digits)} over ${rounds} rounds)`;
}
