import { validateTraceV1, validateTraceV2 } from './schema/validators.js';
import { problemsOf } from './schemaProblems';

/**
 * The first problems that keep a value from being a trace of the given version, each with its JSON path
 * ("$.calls[1].startedAt: expected number"), checked against the published JSON Schema (by code Ajv generates
 * from it at build time: scripts/generateValidators.mjs); [] when it is one.
 */
export function traceProblems(value: unknown, version: 1 | 2, max = 5): string[] {
  return problemsOf(version === 1 ? validateTraceV1 : validateTraceV2, value, max);
}
