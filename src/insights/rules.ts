import { bridgeRateLimit } from './bridgeRateLimit';
import { clockSkew } from './clockSkew';
import { fitRenewals } from './fitRenewals';
import { missingResolver } from './missingResolver';
import { nearTimeout } from './nearTimeout';
import { payloadLimits } from './payloadLimits';
import { remotePath } from './remotePath';
import { repeatedCalls } from './repeatedCalls';
import { sequentialChain } from './sequentialChain';
import { slowStart } from './slowStart';
import { tokenExpiry } from './tokenExpiry';
import type { FrameRule, SessionRule } from './types';

/** Every rule, one per file. Frame rules run per frame and are kept while a frame's calls stay the same. */
export const FRAME_RULES: readonly FrameRule[] = [missingResolver, bridgeRateLimit, sequentialChain, slowStart];
export const SESSION_RULES: readonly SessionRule[] = [payloadLimits, nearTimeout, repeatedCalls, fitRenewals, clockSkew, tokenExpiry, remotePath];
