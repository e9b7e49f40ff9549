import type { FrameRecord } from '../protocol/model';
import { KeyedTable } from './keyedTable';

/** A tab's frames (one per document), listed in the order they were first seen. */
export class FrameTable extends KeyedTable<string, FrameRecord> {
  private orders = new Map<string, number>();
  nextOrder = 1;

  orderOf(key: string): number {
    return this.orders.get(key) ?? 0;
  }

  add(frame: FrameRecord, order = this.nextOrder++): void {
    if (order >= this.nextOrder) this.nextOrder = order + 1;
    this.entries.set(frame.key, frame);
    this.orders.set(frame.key, order);
  }

  delete(key: string): void {
    this.entries.delete(key);
    this.orders.delete(key);
  }

  clear(): void {
    this.entries = new Map();
    this.orders = new Map();
  }
}
