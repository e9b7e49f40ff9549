import type { CallKind } from '../protocol/model';

const KINDS = [
  'resolver', 'invokeRemote', 'invokeService', 'requestRemote', 'product', 'context', 'events', 'realtime', 'navigation', 'modal', 'flag', 'uikit', 'other',
] as const satisfies readonly CallKind[];
// Every CallKind is listed: a kind added to the model and not here fails to compile.
const EVERY_KIND_LISTED: Exclude<CallKind, (typeof KINDS)[number]> extends never ? true : never = true;
void EVERY_KIND_LISTED;

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

