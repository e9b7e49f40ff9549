/** The newest trace format version this build reads and writes. */
export const CURRENT_VERSION = 3;

/** The message for a trace a newer build wrote, or null when this build reads its version. */
export function newerVersionError(version: unknown): string | null {
  if (typeof version !== 'number' || version <= CURRENT_VERSION) return null;
  return `This trace was made by a newer version of Forge Bridge DevTools (trace format v${version}; this one reads up to v${CURRENT_VERSION}). Update the extension to open it.`;
}
