export { takeSnapshot, jsonSize, MORE_KEYS_KEY, STACK_CHARS, type SnapshotLimits } from './snapshot';
export { wrapCallBridge, createCallBridgeWrapper, isWrapper, originalOf, type CaptureDeps } from './wrapCallBridge';
export { installBridgeTrap, createBridgeView, type BridgeLike, type BridgeVia, type OnBridge } from './trapBridge';
export { startTransportSniffer, classifyMessage, type SnifferTarget } from './transportSniffer';
export { createHookChannel, MAX_QUEUED, MAX_QUEUED_BYTES, type ChannelWindow, type HookChannel, type HookChannelMessage, type HookChannelOptions } from './hookChannel';
export { startHook, HOOK_MARK, type StartHookOptions } from './startHook';
