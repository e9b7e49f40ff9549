export { categorize, isPreflight, type KnownTraffic } from './categorize';
export { correlate } from './correlate';
export { fromHarEntry } from './fromHar';
export { carriesExtensionAri, graphqlFormOf, isGraphqlPath, knownOperationKind, operationKindOf, type ForgeOperationKind, type GraphqlForm } from './forgeOperations';
export {
  forgeOperationOf,
  isForgeOperation,
  operationNameOf,
  operationNamesIn,
  readForgeGraphql,
  UNNAMED_OPERATION,
  type ForgeGraphqlExchange,
  type ForgeGraphqlResponse,
  type ForgeInvokeCall,
  type InvocationMetrics,
  type ReportedToken,
} from './graphql';
export { headerValue, type ForgeHar, type Har, type HarEntry, type HarForgeCall, type HarForgeEntry, type HarPage, type HarTimingName, type SnapshotSize } from './har';
export { harStartedAt, harTime, nonNegative } from './harTime';
export { bearerJwt, isForgeJwt, peekJwt } from './jwtClaims';
export { parseJsonLenient, type LenientJson } from './lenientJson';
export { computePhases } from './phases';
export { learnRemotes, remoteOriginsOf, type RemoteKnowledge } from './remotes';
export { CLOCK_SLACK_MS, PENDING_WINDOW_MS } from './timeWindow';
export { summarizeTraffic, type TrafficSummary } from './trafficSummary';
