import { LIMITS } from '../protocol/limits';
import { createHookChannel, type ChannelWindow, type HookChannel, type HookChannelOptions } from './hookChannel';
import {
  cleanDescriptor,
  defineProperty,
  epochNow,
  getOwnPropertyDescriptor,
  objectFreeze,
  objectIsFrozen,
  stringSlice,
} from './intrinsics';
import { navigationStart, observePaints } from './bootMarks';
import { hookCallbackKeysFor } from './callbackKeys';
import { deferInitiator } from './initiator';
import { startTransportSniffer } from './transportSniffer';
import { createBridgeView, installBridgeTrap, type BridgeLike, type BridgeVia } from './trapBridge';
import { createCallBridgeWrapper, originalOf } from './wrapCallBridge';

/**
 * startHook: everything the MAIN-world hook does, wired together. The extension's hook entry calls it
 * once at document_start: `startHook(globalThis)`.
 *
 * 1. marks the window (a symbol-keyed, non-enumerable, non-configurable property holding only a version:
 *    no handle a page could call). The mark says the hook ran; it decides nothing: a page that defined it
 *    first does not stop the hook, and a second copy of the hook in the same document (install-time
 *    injection racing the manifest's) runs too (the first copy holds the __bridge trap and takes the relay's one
 *    offer, its listener being first); a marked copy stops listening for an offer after SECOND_COPY_OFFER_WAIT_MS;
 * 2. opens the channel (listening for the relay's offer) and emits `hook-ready`;
 * 3. installs the `__bridge` trap; each bridge that arrives emits `bridge-found` and gets a view whose
 *    callBridge is wrapped;
 * 4. starts the transport sniffer once a bridge is there: only a Forge frame's transport means anything, and
 *    a host page (no bridge) would otherwise classify every message its apps' frames post to it.
 */

/**
 * How long a copy of the hook that found the mark already there listens for the relay's offer. Install-time
 * injection puts the hook and then the relay into a document within milliseconds of each other; the relay offers
 * as it starts.
 */
export const SECOND_COPY_OFFER_WAIT_MS = 5_000;

export const HOOK_MARK: unique symbol = Symbol.for('forge-bridge-devtools.hook') as never;

export interface StartHookOptions {
  /** Defaults to the catalogue's callback keys (src/capture/callbackKeys: read without page-patchable methods). */
  callbackKeysFor?: (command: string) => readonly string[];
  channel?: HookChannelOptions;
  /** Record each call's initiator (its call site) when the relay's settings ask for it; never if false. */
  initiator?: boolean;
}


type HookWindow = typeof globalThis & ChannelWindow;

function cutUrl(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.length > LIMITS.urlChars ? stringSlice(value, 0, LIMITS.urlChars) : value;
}

function readSafely(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Returns true when this call started the hook, false when it could not run. */
export function startHook(win: typeof globalThis = globalThis, options: StartHookOptions = {}): boolean {
  const w = win as HookWindow;
  try {
    let marked = false;
    try {
      const marker = objectFreeze({ version: 2 });
      defineProperty(w, HOOK_MARK, cleanDescriptor({ value: marker, enumerable: false, configurable: false, writable: false }));
    } catch {
      // Marked already (another copy, or a page that wants the hook to stand down): run all the same.
      marked = true;
    }
    // A copy that found the mark waits for an offer only SECOND_COPY_OFFER_WAIT_MS: the relay offers as it starts,
    // right after the hook; a first copy takes that offer and hides it, and this copy's listener would be left reading
    // every window message of the document.
    const channelOptions = marked && options.channel?.offerWaitMs === undefined ? { ...options.channel, offerWaitMs: SECOND_COPY_OFFER_WAIT_MS } : options.channel;
    const channel: HookChannel = createHookChannel(w, channelOptions);
    // Events gather for a few ms before they go to the relay; a page that is going away hands them over at
    // once (a message posted then never arrives: the document is gone before its task runs). The relay also
    // asks for them at its own pagehide, so the order of the two worlds' listeners does not matter.
    const exitNow = channel.exit;
    readSafely(() => (w as unknown as Pick<Window, 'addEventListener'>).addEventListener('pagehide', exitNow, true));
    readSafely(() => (w as unknown as { navigation?: Pick<EventTarget, 'addEventListener'> }).navigation?.addEventListener('navigate', exitNow));

    const emit = channel.emit;
    let lastId = 0;
    const wrap = createCallBridgeWrapper({
      emit,
      now: epochNow,
      nextId: () => ++lastId,
      callbackKeysFor: options.callbackKeysFor ?? hookCallbackKeysFor,
      // Until the relay's settings arrive the stack is captured (cheap) and read only if they ask for it.
      ...(options.initiator === false ? {} : { initiator: (skip: number) => (channel.initiator === false ? null : deferInitiator(skip + 1)) }),
    });

    emit({
      type: 'hook-ready',
      at: epochNow(),
      url: cutUrl(readSafely(() => w.location.href)),
      isTop: readSafely(() => (w.top as unknown) === w) === true,
      referrer: cutUrl(readSafely(() => w.document.referrer)),
      ...(navigationStart() === undefined ? {} : { navigationStart: navigationStart()! }),
    });
    observePaints(w, (name, at) => emit({ type: 'paint', at, name }));

    let sniffing = false;
    const found = (bridge: BridgeLike, via: BridgeVia): void => {
      if (!sniffing) {
        sniffing = true;
        startTransportSniffer(w, (kind) => emit({ type: 'transport', at: epochNow(), kind }));
      }
      const semver = readSafely(() => (bridge as { __SEMVER?: unknown }).__SEMVER);
      emit({
        type: 'bridge-found',
        at: epochNow(),
        semver: typeof semver === 'string' ? stringSlice(semver, 0, LIMITS.commandChars) : typeof semver === 'number' ? `${semver}` : null,
        frozen: readSafely(() => objectIsFrozen(bridge)) === true,
        via,
      });
    };

    const hooked = installBridgeTrap(w, (bridge, via) => {
      found(bridge, via);
      return createBridgeView(bridge, wrap, originalOf);
    });
    if (!hooked) {
      // A bridge we may not replace (non-configurable, or someone else's accessor): say it is there.
      const present = readSafely(() => (w as { __bridge?: unknown }).__bridge);
      if (present !== null && typeof present === 'object') found(present, 'present');
    }
    return true;
  } catch {
    return false;
  }
}
