import { SchemaCompiler, type Report } from './schemaCheck';
import v1Schema from './schema/forge-bridge-trace.v1.schema.json';
import v2Schema from './schema/forge-bridge-trace.v2.schema.json';

type Checker = (value: unknown, report: Report) => void;
let checkers: Record<1 | 2, Checker> | null = null;

/** Compiled on first use, not when the module loads: most pages that import traces never open one. */
function checkerFor(version: 1 | 2): Checker {
  if (!checkers) {
    const compiler = new SchemaCompiler().add(v1Schema).add(v2Schema);
    checkers = { 1: compiler.checker('forge-bridge-trace.v1.schema.json'), 2: compiler.checker('forge-bridge-trace.v2.schema.json') };
  }
  return checkers[version];
}

/**
 * The first problems that keep a value from being a trace of the given version, each with its JSON path
 * ("$.calls[1].startedAt: expected number"), checked against the published JSON Schema; [] when it is one.
 */
export function traceProblems(value: unknown, version: 1 | 2, max = 5): string[] {
  const problems: string[] = [];
  checkerFor(version)(value, (path, message) => {
    if (problems.length < max) problems.push(`${path}: ${message}`);
    return problems.length < max;
  });
  return problems;
}
