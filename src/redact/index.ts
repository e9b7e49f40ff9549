export { DEFAULT_SENSITIVE_KEYS, nameRules, normaliseName, type NameRules } from './names';
export { emptyCounts, ENCODED_REDACTED, newPass, REDACTED, REDACTED_SIGNATURE, type RedactionPass, type RedactionTally, type RedactOptions, type SuspectValue } from './pass';
export { isCredentialHeader, redactBase64Body, redactHeaders, redactHeaderValue, redactString, redactValue } from './walk';
export { previewRedaction, redactTrace, redactWithReport, type RedactionReport } from './trace';
