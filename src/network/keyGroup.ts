import type { CallRecord } from '../protocol/model';
import type { MatchRelation } from '../protocol/tokens';
import type { KeyRank, Slot } from './keys';
import { MinHeap } from './minHeap';
import { lowerBound, upperBound, type TimeWindow } from './timeWindow';

/** A call taking part in matching, with its place in start order (ties keep input order). */
export interface Contender {
  call: CallRecord;
  order: number;
  window: TimeWindow;
}

export interface SlotAt {
  slot: Slot;
  id: string;
  at: number;
}

/** Who holds a slot, and through which key. */
export interface Holding {
  contender: Contender;
  slot: SlotAt;
  rank: KeyRank;
  group: KeyGroup;
}

/** Slots and calls matched so far, across every key. */
export class Ledger {
  readonly bySlot = new Map<string, Holding>();
  readonly byCall = new Map<CallRecord, Holding>();

  hold(holding: Holding): void {
    this.bySlot.set(holding.slot.id, holding);
    this.byCall.set(holding.contender.call, holding);
  }
}

/**
 * Alternatives scanned per pair when judging certainty. Past it, the count reported is a lower bound:
 * enough to say "uncertain" without scanning every request of a busy endpoint.
 */
const SCAN_LIMIT = 100;

const inside = (w: TimeWindow, t: number) => w.from <= t && t <= w.to;

/** The calls and slots that share one key. */
export class KeyGroup {
  readonly calls: Contender[];
  readonly slots: SlotAt[];
  private readonly members: Set<CallRecord>;
  /** prefixMaxTo[i]: the latest window end among calls[0..i], to find every window holding a time without scanning all. */
  private readonly prefixMaxTo: number[];

  constructor(
    readonly key: string,
    readonly relation: MatchRelation,
    readonly rank: KeyRank,
    calls: Contender[],
    slots: SlotAt[],
  ) {
    this.calls = calls.sort((a, b) => a.window.from - b.window.from || a.order - b.order);
    this.slots = slots.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.members = new Set(calls.map((c) => c.call));
    let max = Number.NEGATIVE_INFINITY;
    this.prefixMaxTo = this.calls.map((c) => (max = Math.max(max, c.window.to)));
  }

  /**
   * Gives free slots to unmatched calls: slots in time order, each to the call whose window holds it and
   * closes first (ties: the call that started first). This pairs as many as can be paired, and identical
   * calls made one after another take their requests in start order.
   */
  sweep(ledger: Ledger): Holding[] {
    const byDeadline = new MinHeap<Contender>((a, b) => a.window.to < b.window.to || (a.window.to === b.window.to && (a.window.from < b.window.from || (a.window.from === b.window.from && a.order < b.order))));
    const made: Holding[] = [];
    let next = 0;
    for (const slot of this.slots) {
      while (next < this.calls.length && this.calls[next]!.window.from <= slot.at) {
        const contender = this.calls[next++]!;
        if (!ledger.byCall.has(contender.call)) byDeadline.push(contender);
      }
      if (ledger.bySlot.has(slot.id)) continue;
      while (byDeadline.size > 0 && (byDeadline.peek()!.window.to < slot.at || ledger.byCall.has(byDeadline.peek()!.call))) byDeadline.pop();
      const contender = byDeadline.pop();
      if (!contender) continue;
      const holding: Holding = { contender, slot, rank: this.rank, group: this };
      ledger.hold(holding);
      made.push(holding);
    }
    return made;
  }

  /**
   * How many candidates fitted a pair equally (1: certain). On the call's side: its own slot, plus each other
   * slot of this key in its window that is free, held through a more specific key (the call cannot tell it
   * apart: its own key is looser), or held by a call that could have swapped with it. On the slot's side: its
   * call, plus each other call whose window holds it and that either went unmatched or could have swapped.
   */
  contenders(holding: Holding, ledger: Ledger): number {
    const { contender, slot } = holding;
    const swappable = (other: Holding | undefined, mine: number, theirs: TimeWindow) =>
      other !== undefined && other.group === this && inside(theirs, mine);

    let alternatives = 0;
    for (let i = lowerBound(this.slots, contender.window.from, (s) => s.at), seen = 0; i < this.slots.length && seen < SCAN_LIMIT; i++, seen++) {
      const other = this.slots[i]!;
      if (other.at > contender.window.to) break;
      if (other.id === slot.id) continue;
      const holder = ledger.bySlot.get(other.id);
      const fits =
        holder === undefined ||
        holder.rank < this.rank ||
        (holder.group !== this && !this.members.has(holder.contender.call)) ||
        swappable(holder, slot.at, holder.contender.window);
      if (fits) alternatives++;
    }

    let rivals = 0;
    const end = upperBound(this.calls, slot.at, (c) => c.window.from);
    for (let i = end - 1, seen = 0; i >= 0 && this.prefixMaxTo[i]! >= slot.at && seen < SCAN_LIMIT; i--, seen++) {
      const other = this.calls[i]!;
      if (other.call === contender.call || other.window.to < slot.at) continue;
      const held = ledger.byCall.get(other.call);
      if (held === undefined || (held.group === this && swappable(held, held.slot.at, contender.window))) rivals++;
    }
    return 1 + Math.max(alternatives, rivals);
  }
}
