// src/redact/index.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
export { DEFAULT_SENSITIVE_KEYS, nameRules, normaliseName, type NameRules } from './names';
export { emptyCounts, ENCODED_REDACTED, newPass, REDACTED, REDACTED_SIGNATURE, type RedactionPass, type RedactionTally, type RedactOptions, type SuspectValue } from './pass';
export { isCredentialHeader, redactBase64Body, redactHeaders, redactHeaderValue, redactString, redactValue } from './walk';
export { previewRedaction, redactTrace, type RedactionReport } from './trace';
