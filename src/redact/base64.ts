/** base64 and base64url to text and back, for redacting inside an encoding. */

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** The bytes a base64 or base64url run stands for, or null when it is not valid base64. */
function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return text.slice(0, end);
}

function bytesOf(run: string): Uint8Array | null {
  let text = withoutPadding(run.replace(/-/g, '+').replace(/_/g, '/'));
  if (text.length % 4 === 1) return null;
  text += '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Whether decoded bytes read as text: valid UTF-8 with few control characters. */
function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control * 20 > text.length ? null : text;
}

/** The text a base64 (or base64url) run decodes to, or null when it is not base64 of text. */
export function decodeBase64Text(run: string): string | null {
  const bytes = bytesOf(run);
  return bytes === null ? null : asText(bytes);
}

/** Text encoded as the original run was: base64url when it used `-`/`_`, padded only when it was. */
export function encodeBase64Like(text: string, like: string): string {
  const bytes = encoder.encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  let out = btoa(binary);
  if (like.includes('-') || like.includes('_')) out = out.replace(/\+/g, '-').replace(/\//g, '_');
  if (!like.endsWith('=')) out = withoutPadding(out);
  return out;
}
