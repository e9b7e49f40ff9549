import { CATALOGUE } from '../bridge/catalogue';
import { hasOwn } from './intrinsics';
import { record } from './ownReads';

const NONE: readonly string[] = [];

/**
 * The catalogue's callback keys per command (src/bridge/catalogue), copied at load into a table that
 * inherits nothing (record()): the catalogue's own lookup is a Map, and Map.prototype.get is a method a page may patch later, which
 * the hook would then run on every bridge call. Command names come from the page ('__proto__',
 * 'constructor', …): an own-key check on that table finds only commands of the catalogue.
 */
const TABLE: Record<string, readonly string[]> = record();
for (let i = 0; i < CATALOGUE.length; i++) {
  const info = CATALOGUE[i]!;
  TABLE[info.command] = info.callbackKeys;
}

export function hookCallbackKeysFor(command: string): readonly string[] {
  return hasOwn(TABLE, command) ? TABLE[command]! : NONE;
}
