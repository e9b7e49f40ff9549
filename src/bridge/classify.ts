import type { CallKind } from '../protocol/model';
import type { SnapshotValue } from '../protocol/snapshot';
import { commandInfo } from './catalogue';
import { field } from './snapshotRead';

/** invokeType values @forge/bridge puts on `invoke` for invokeRemote and invokeService. */
export const INVOKE_TYPE_REMOTE = 'ui-remote-fetch';
export const INVOKE_TYPE_SERVICE = 'ui-container-fetch';

/** What kind of call this is. `invoke` is split by its payload's invokeType; all else comes from the catalogue. */
export function classifyCall(command: string, request: SnapshotValue): CallKind {
  if (command === 'invoke') {
    const invokeType = field(request, 'invokeType');
    if (invokeType === INVOKE_TYPE_REMOTE) return 'invokeRemote';
    if (invokeType === INVOKE_TYPE_SERVICE) return 'invokeService';
    return 'resolver';
  }
  return commandInfo(command).kind;
}
