import type { FrameRecord } from '../protocol/model';

/** A tab's frames (one per document), listed in the order they were first seen. */
export class FrameTable {
  private frames = new Map<string, FrameRecord>();
  private orders = new Map<string, number>();
  nextOrder = 1;

  get(key: string): FrameRecord | undefined {
    return this.frames.get(key);
  }

  has(key: string): boolean {
    return this.frames.has(key);
  }

  keys(): IterableIterator<string> {
    return this.frames.keys();
  }

  values(): IterableIterator<FrameRecord> {
    return this.frames.values();
  }

  orderOf(key: string): number {
    return this.orders.get(key) ?? 0;
  }

  add(frame: FrameRecord, order = this.nextOrder++): void {
    if (order >= this.nextOrder) this.nextOrder = order + 1;
    this.frames.set(frame.key, frame);
    this.orders.set(frame.key, order);
  }

  clear(): void {
    this.frames = new Map();
    this.orders = new Map();
  }
}
