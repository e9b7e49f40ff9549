export { compareRemotes, pathStats, type EndpointComparison, type OAuthObserved, type PathStats } from './compare';
export { binEdges, countInBins, histogram, sharedHistogram, type Histogram } from './histogram';
export { PATH_DIFFERENCES, type PathDifference, type SourceTag } from './pathDifferences';
export { median, quantile, summarize, type Distribution } from './summary';
export { ERROR_RATE_GAP, MIN_CALLS, oauthSentence, TIE_RATIO, verdictFor } from './verdict';
