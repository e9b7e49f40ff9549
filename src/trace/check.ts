import { validateTraceV1, validateTraceV2, validateTraceV3 } from './schema/validators.js';
import { problemsOf } from './schemaProblems';

const VALIDATORS = { 1: validateTraceV1, 2: validateTraceV2, 3: validateTraceV3 } as const;

/**
 * The first problems that keep a value from being a trace of the given version, each with its JSON path
 * ("$.calls[1].startedAt: expected number"), checked against the published JSON Schema (by code Ajv generates
 * from it at build time: scripts/generateValidators.mjs); [] when it is one.
 */
export function traceProblems(value: unknown, version: 1 | 2 | 3, max = 5): string[] {
  return problemsOf(VALIDATORS[version], value, max);
}
