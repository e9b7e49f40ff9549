import type { OriginalPlace } from '../initiator/sourceMap';
import type { StackFrame } from '../protocol/initiator';
/** What the panel needs from where it runs: DevTools (live), a plain page (tests), or the trace viewer. */
export interface PanelEnvironment {
  extensionVersion: string;
  browser: { name: string; version: string } | null;
  theme: 'light' | 'dark';
  /** Fetches a JWKS for verification; null where there is no network to ask (viewer without access, tests). */
  fetchJwks: ((url: string) => Promise<unknown>) | null;
  /** JWKS URLs the user trusts in settings (e.g. the sandbox's). */
  trustedJwksUrls: () => Promise<string[]>;
  /** Header names an export keeps readable (Settings: the defaults and the user's additions); absent where there are no settings (viewer, tests). */
  safeHeaders?: () => Promise<string[]>;
  /** Host match patterns the extension covers (manifest and user-added), for Diagnose. */
  coveredOrigins: () => Promise<string[]>;
  /** URLs of the inspected page's frames as the page lists them; null where unknown (viewer, tests). */
  listPageFrameUrls: (() => Promise<string[]>) | null;
  openSettings: (() => void) | null;
  openViewer: (() => void) | null;
  /** Saves a file (a download). */
  saveFile: (name: string, mime: string, data: Blob) => void;
  now: () => number;
  /** Opens a script at a line and column (1-based) in DevTools' Sources; resolves false if it could not. Absent or null where there is none (Firefox, the viewer, tests). */
  openResource?: ((url: string, line: number, column: number) => Promise<boolean>) | null;
  /** The original source place of an initiator frame, where the page's script has a source map DevTools holds (src/initiator/sourceMap); absent or null where none can be read (Firefox, the viewer, tests). */
  originalPlace?: ((frame: StackFrame) => Promise<OriginalPlace | null>) | null;
}
