export { compareRemotes, MIN_CALLS, verdictFor, type EndpointComparison, type PathStats } from './compare';
export { PATH_DIFFERENCES, type PathDifference } from './pathDifferences';
export { quantile, sharedHistogram, summarize, type Distribution } from './summary';
