import type { CallKind } from '../protocol/model';
import GROUPS from './catalogue.json';

/**
 * Every Forge bridge command this tool knows: what kind of call it is, which package sends it, and
 * where its payload holds functions the host calls back. Sources: forge-facts §1.3, §1.4, §2.1, §2.2.
 *
 * This table is bundled into the hook that runs in every Forge frame: keep descriptions short.
 */
export interface CommandInfo {
  readonly command: string;
  readonly kind: CallKind;
  /** npm package that sends the command, or 'unknown'. */
  readonly source: string;
  /** Top-level payload keys holding a function the host calls back. */
  readonly callbackKeys: readonly string[];
  /**
   * Deeper places holding such a function: keys joined by ".", and "[]" after a key for "each item of
   * this array", e.g. "actions[].onClick".
   */
  readonly nestedCallbackPaths: readonly string[];
  /** The whole payload is itself the callback (view.onClose(fn)). */
  readonly payloadIsCallback: boolean;
  /** One line for people. */
  readonly description: string;
}

/**
 * The table itself is data, catalogue.json: one group per package and version, each command as
 * [command, kind, description, callbacks?]. `callbacks` is a space-separated list: a plain key is a
 * top-level callback key, a key with "." or "[]" is a nested path, and "*" means the payload is the callback
 * itself. (test/unit/bridge/catalogue.test.ts checks every kind is a CallKind.)
 */
interface Group {
  readonly package: string;
  readonly commands: readonly (readonly string[])[];
}

const NONE: readonly string[] = Object.freeze([]);

function toInfo(source: string, [command = '', kind = 'other', description = '', callbacks]: readonly string[]): CommandInfo {
  const places = callbacks ? callbacks.split(' ') : [];
  const isNested = (p: string) => p.includes('.') || p.includes('[]');
  const top = places.filter((p) => p !== '*' && !isNested(p));
  const nested = places.filter(isNested);
  return Object.freeze({
    command,
    kind: kind as CallKind,
    source,
    callbackKeys: top.length ? Object.freeze(top) : NONE,
    nestedCallbackPaths: nested.length ? Object.freeze(nested) : NONE,
    payloadIsCallback: places.includes('*'),
    description,
  });
}

/** The whole catalogue, in the order of the facts file. */
export const CATALOGUE: readonly CommandInfo[] = Object.freeze((GROUPS satisfies readonly Group[]).flatMap((g) => g.commands.map((row) => toInfo(g.package, row))));

// A Map, not an object: command names come from untrusted pages ('__proto__', 'constructor', …).
const BY_COMMAND: ReadonlyMap<string, CommandInfo> = new Map(CATALOGUE.map((info) => [info.command, info]));

const UNKNOWN: CommandInfo = Object.freeze({
  command: '',
  kind: 'other',
  source: 'unknown',
  callbackKeys: NONE,
  nestedCallbackPaths: NONE,
  payloadIsCallback: false,
  description: 'Not a known Forge bridge command',
});

export function isKnownCommand(command: string): boolean {
  return BY_COMMAND.has(command);
}

/** The catalogue entry; an unknown command gets kind 'other' and source 'unknown'. */
export function commandInfo(command: string): CommandInfo {
  return BY_COMMAND.get(command) ?? Object.freeze({ ...UNKNOWN, command: String(command) });
}

/** Top-level payload keys holding host callbacks. Called on every bridge call: one Map lookup. */
export function callbackKeysFor(command: string): readonly string[] {
  return BY_COMMAND.get(command)?.callbackKeys ?? NONE;
}
