// Types of validators.js, which scripts/generateValidators.mjs generates from the schemas beside it (Ajv standalone).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (value: unknown): boolean;
  /** The problems of the last call that returned false (the first one found, with those of each oneOf branch). */
  errors?: ErrorObject[] | null;
}

export const validateTraceV1: GeneratedValidator;
export const validateTraceV2: GeneratedValidator;
export const validateTraceV3: GeneratedValidator;
export const validateHarInput: GeneratedValidator;
