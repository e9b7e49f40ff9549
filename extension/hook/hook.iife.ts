import { startHook } from '../../src/capture/startHook';

// MAIN world, document_start, every frame of a covered origin: before the Forge CDN's bridge script runs.
startHook(globalThis);
