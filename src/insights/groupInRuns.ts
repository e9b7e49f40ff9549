/**
 * The items grouped by key, in input order within each group and groups in order of first appearance (a Map, as
 * pushing into `map.get(key)` would build it); items whose key is null are left out. The key before is compared
 * first: calls come in runs of one frame or one function, and each key of a recorded session is its own string
 * (sessions are cloned), whose hash the map would otherwise work out again for every item.
 */
export function groupInRuns<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  let lastKey: string | null = null;
  let lastList: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    if (key === lastKey) {
      lastList.push(item);
      continue;
    }
    let list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, (list = [item]));
    lastKey = key;
    lastList = list;
  }
  return groups;
}
