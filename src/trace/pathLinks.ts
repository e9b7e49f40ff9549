/**
 * A place inside a parsed file as the import checks walk it: its parent place and its key there. The walks
 * push one such link per container and spell a JSON path out only for an error.
 */
export interface PathLink {
  readonly parent: PathLink | null;
  readonly key: string | number;
}

/** The keys from the root (whose own key is not part of the path) down to `key` inside `place`. */
export function keysFromRoot(place: PathLink | null, key: string | number): (string | number)[] {
  const keys: (string | number)[] = [key];
  for (let p = place; p && p.parent; p = p.parent) keys.push(p.key);
  return keys.reverse();
}
