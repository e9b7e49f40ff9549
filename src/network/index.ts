export { categorize, isPreflight, remoteOriginsOf, type KnownTraffic } from './categorize';
export { CLOCK_SLACK_MS, correlate } from './correlate';
export { fromHarEntry } from './fromHar';
export { isForgeOperation, operationNameOf, readForgeGraphql, type ForgeGraphqlExchange, type ForgeGraphqlResponse, type ForgeInvokeCall } from './graphql';
export { headerValue, type HarEntryLike, type HarHeader } from './har';
export { bearerJwt, isForgeJwt, peekJwt } from './jwtClaims';
export { computePhases } from './phases';
