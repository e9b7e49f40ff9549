import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import v1Schema from '../../../src/trace/schema/forge-bridge-trace.v1.schema.json';
import v2Schema from '../../../src/trace/schema/forge-bridge-trace.v2.schema.json';
import v3Schema from '../../../src/trace/schema/forge-bridge-trace.v3.schema.json';

const require = createRequire(import.meta.url);

export { v1Schema, v2Schema, v3Schema };

/** The trace schemas as published: version 2 takes the call, frame and segment definitions from version 1; version 3 takes version 2's and its own call. */
export function traceValidators(): { v1: ValidateFunction; v2: ValidateFunction; v3: ValidateFunction } {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(v1Schema);
  ajv.addSchema(v2Schema);
  ajv.addSchema(v3Schema);
  return { v1: ajv.getSchema(v1Schema.$id)!, v2: ajv.getSchema(v2Schema.$id)!, v3: ajv.getSchema(v3Schema.$id)! };
}

/** HAR 1.2 as the har-schema package defines it (draft-06), with formats checked. */
export function harValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const schemas = require('har-schema') as Record<string, { $id: string }>;
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv.getSchema('har.json#')!;
}
