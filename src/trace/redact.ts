/** Redaction lives in src/redact; the trace module re-exports what its users call. */
export { DEFAULT_SENSITIVE_KEYS, previewRedaction, REDACTED, REDACTED_SIGNATURE, redactTrace, redactWithReport, type RedactionReport, type RedactOptions } from '../redact';
