import type { CallKind } from '../protocol/model';

const KINDS: readonly CallKind[] = [
  'resolver', 'invokeRemote', 'invokeService', 'requestRemote', 'product', 'context', 'events', 'realtime', 'navigation', 'modal', 'flag', 'uikit', 'other',
];

/** Other names people type: singular forms and the words of the toolbar's chips ("UI Kit"). */
const ALIASES: Readonly<Record<string, CallKind>> = { invoke: 'resolver', resolvers: 'resolver', event: 'events', flags: 'flag', modals: 'modal' };

const normalize = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

const BY_NAME: ReadonlyMap<string, CallKind> = new Map<string, CallKind>([
  ...KINDS.map((kind) => [normalize(kind), kind] as const),
  ...Object.entries(ALIASES),
]);

/** The call kind a name stands for, ignoring case, spaces, `-` and `_` (`ui-kit`, `UI Kit`, `invokeremote`); null if none. */
export function kindFromName(name: string): CallKind | null {
  return BY_NAME.get(normalize(name)) ?? null;
}

export const KIND_NAMES: readonly CallKind[] = KINDS;
