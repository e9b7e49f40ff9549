import { maskPrivateKeys } from './formats';
import { maskMultipartFields } from './multipart';
import { removed, type RedactionPass } from './pass';
import { jsonMayHoldSecret, mayHoldSecret } from './quick';
import { scanText } from './scan';
import { redactValue } from './value';

/** How many layers deep (JSON in a string, base64, %-encoding) redaction looks inside a value. */
export const MAX_LAYERS = 5;

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length && i < 64; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}

/**
 * A string, structure first: JSON (an object, an array, or a JSON string holding more JSON) is parsed and
 * walked; anything else (JSON cut short, forms, multipart, GraphQL documents, URLs, headers as text, free
 * text) is scanned (scan.ts), with base64 and %-encoded layers redacted inside. `layer` counts how deep
 * inside other strings this one sits.
 */
export function redactString(text: string, pass: RedactionPass, layer = 0, name: string | null = null): string {
  if (text.length < 6 || !mayHoldSecret(text)) return text;
  // A trace repeats its strings (frame URLs, summaries, keys' values): one found clean at this layer is not scanned again.
  const clean = text.length >= MIN_REMEMBERED_LENGTH && text.length <= MAX_REMEMBERED_LENGTH ? (pass.clean[layer] ??= new Set()) : null;
  if (clean?.has(text)) return text;
  const changes = pass.changes;
  const suspects = pass.suspectCount;
  const out = redactUncached(text, pass, layer, name);
  if (clean && pass.changes === changes && pass.suspectCount === suspects && clean.size < MAX_REMEMBERED) clean.add(text);
  return out;
}

/** Which strings are remembered as clean: short ones cost less to scan than to remember, long ones rarely repeat; at most this many per layer. */
const MIN_REMEMBERED_LENGTH = 24;
const MAX_REMEMBERED_LENGTH = 4096;
const MAX_REMEMBERED = 100_000;

function redactUncached(text: string, pass: RedactionPass, layer: number, name: string | null): string {
  const first = firstNonSpace(text);
  if ((first === '{' || first === '[' || first === '"') && layer < MAX_LAYERS) {
    if (first !== '"' && !jsonMayHoldSecret(text, pass)) return text;
    try {
      const parsed: unknown = JSON.parse(text);
      const before = pass.changes;
      const redacted = redactValue(parsed, pass, layer + 1, name);
      return pass.changes === before ? text : JSON.stringify(redacted);
    } catch {
      // Not whole JSON (cut short, or not JSON after all), or too deep to walk: scanned as text.
    }
  }
  let out = maskPrivateKeys(text, () => removed(pass, 'privateKeys'));
  if (out.includes('form-data')) out = maskMultipartFields(out, pass);
  return scanText(out, { pass, name, nested: layer < MAX_LAYERS ? (inner) => redactString(inner, pass, layer + 1, name) : null });
}
