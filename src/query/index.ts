export { matchCall, parseFilter, type FilterRow, type FilterTerm, type ParsedFilter } from './filter';
