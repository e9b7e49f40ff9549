/** Where the app made a call: a short stack captured by the hook when the call was made, its own frames removed. */

export interface StackFrame {
  /** The function's name as the stack gives it; '' for an anonymous function or top-level code. */
  fn: string;
  /** The script's URL as the stack gives it (a bundle, a dev server module, eval code's host script). */
  url: string;
  /** 1-based, as DevTools shows them. */
  line: number;
  column: number;
}

export interface CallInitiator {
  /** Innermost first: frames[0] called callBridge (often @forge/bridge's own code inside the app's bundle); the app's own code follows. */
  frames: StackFrame[];
}

/** Frames kept per call. */
export const INITIATOR_FRAMES = 8;
