/**
 * The relay's once-per-document mark, set in the extension's isolated world (no page can read or set it):
 * the relay runs once per document, and install-time injection skips frames that have it.
 */
export const RELAY_RUNNING_MARK = 'forge-bridge-devtools.relay';
