import { compileFilter, type RowTest } from './compile';
import type { FilterRow, ParsedFilter } from './types';

const compiled = new WeakMap<ParsedFilter, readonly RowTest[]>();

/** Whether a row passes every term of the filter. The filter's tests are built on first use and kept with it. */
export function matchCall(filter: ParsedFilter, row: FilterRow): boolean {
  let tests = compiled.get(filter);
  if (tests === undefined) {
    tests = compileFilter(filter);
    compiled.set(filter, tests);
  }
  for (let i = 0; i < tests.length; i++) if (!tests[i]!(row)) return false;
  return true;
}
