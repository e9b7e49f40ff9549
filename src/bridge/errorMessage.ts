import { isDescription, SNAPSHOT_MARKER, type SnapshotValue } from '../protocol/snapshot';
import { asObject, field, numberOf, oneLine, textOf } from './snapshotRead';

const MAX = 100;

/** A message found in an error-like value: a string, a description's text, or an object's message. */
function messageIn(value: SnapshotValue | undefined, depth: number): string | null {
  const text = textOf(value);
  if (text !== null) return text;
  if (isDescription(value)) return typeof value.text === 'string' && value.text ? value.text : null;
  if (depth > 2 || asObject(value) === null) return null;
  for (const key of ['message', 'error', 'errorMessage', 'body', 'statusText', 'name']) {
    const found = messageIn(field(value, key), depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A short message for a failed call's error snapshot: a thrown Error is `{ $fbdt: 'error', text }`;
 * an invokeRemote error response `{status, headers, body}` gives its status and body's message.
 */
export function errorMessageOf(error: SnapshotValue | null | undefined): string {
  let message: string | null;
  if (typeof error === 'number' || typeof error === 'boolean') message = String(error);
  else if (isDescription(error)) message = messageIn(error, 0) ?? String(error[SNAPSHOT_MARKER]);
  else {
    const status = numberOf(field(error, 'status'));
    const inner = messageIn(error, 0);
    message = status === null ? inner : inner ? `${status} ${inner}` : String(status);
  }
  const line = message === null ? '' : oneLine(message, MAX);
  return line || 'error';
}
