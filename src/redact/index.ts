export { DEFAULT_SENSITIVE_KEYS, nameRules, normaliseName, type NameRules } from './names';
export { emptyCounts, ENCODED_REDACTED, newPass, REDACTED, REDACTED_SIGNATURE, type RedactionPass, type RedactionTally, type RedactOptions, type SuspectValue } from './pass';
export { isCredentialHeader, redactHeaderValue, redactHeaders } from './headers';
export { redactString } from './text';
export { redactBase64Body, redactValue } from './value';
export { previewRedaction, redactTrace, type RedactionReport } from './trace';
