import type { ErrorObject } from 'ajv';
import type { GeneratedValidator } from './schema/validators.js';

/** `/calls/1/startedAt` as `$.calls[1].startedAt`. */
function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      return /^\d+$/.test(key) ? `[${key}]` : `.${key}`;
    })
    .join('')}`;
}

function said(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `expected ${String(p.type).split(',').join(' or ')}`;
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}`;
    case 'minimum':
      return `expected at least ${String(p.limit)}`;
    case 'oneOf':
      return p.passingSchemas === null ? 'matches none of the allowed forms' : 'matches more than one allowed form';
    default:
      return `fails "${error.keyword}"`;
  }
}

/** One problem as a line; a missing property is named at its own path. */
function lineOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `${jsonPath(`${error.instancePath}/${String(error.params.missingProperty)}`)}: missing`;
  return `${jsonPath(error.instancePath)}: ${said(error)}`;
}

/**
 * A generated validator's problems as `path: message` lines ("$.calls[1].startedAt: expected number").
 * A value that fits no branch of a oneOf is described by the branch of its own type when there is one (its
 * deeper problems), else by the types the branches allow ("expected null or object"). Branches are told by their
 * schema path, so a branch that is only a $ref (reported at the definition's path) would be listed as is.
 */
export function problemsOf(validate: GeneratedValidator, value: unknown, max = 5): string[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const inBranch = (e: ErrorObject, of: ErrorObject) => e !== of && e.schemaPath.startsWith(`${of.schemaPath}/`);
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const out: string[] = [];
  for (const error of errors) {
    if (out.length >= max) break; // a damaged 100,000-call file can have an error per call
    if (oneOfs.some((of) => inBranch(error, of))) continue;
    if (error.keyword !== 'oneOf' || error.params.passingSchemas !== null) {
      out.push(lineOf(error));
      continue;
    }
    const branches = errors.filter((e) => inBranch(e, error));
    const deeper = branches.filter((e) => e.instancePath.length > error.instancePath.length || e.keyword === 'required');
    const types = branches.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath).map((e) => String(e.params.type));
    if (deeper.length > 0) out.push(...deeper.map(lineOf));
    else out.push(`${jsonPath(error.instancePath)}: ${types.length > 0 ? `expected ${types.join(' or ')}` : said(error)}`);
  }
  return out.slice(0, max);
}
