export { kindFromName } from './kindNames';
export { matchCall } from './match';
export { parseFilter } from './parse';
export type { CompareOp, FilterProblem, FilterRow, FilterTerm, ParsedFilter } from './types';
export { callFailed, callOutcome, outcomeClass, statusLabel, type CallOutcome } from './outcome';
