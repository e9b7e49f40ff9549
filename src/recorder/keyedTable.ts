/** Read access to a part's records by key, in insertion order; the part decides how they are added and removed. */
export abstract class KeyedTable<K, V> {
  protected entries = new Map<K, V>();

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }
}
