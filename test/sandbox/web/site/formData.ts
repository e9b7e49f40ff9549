/** Rebuilds the FormData @forge/bridge flattened to JSON (file keys as data-URL base64 with __<key>Name/__<key>Type). */
export function unflattenFormData(json: string): FormData {
  const parsed = JSON.parse(json) as Record<string, string>;
  const form = new FormData();
  for (const [key, value] of Object.entries(parsed)) {
    if (/^__.+(Name|Type)$/.test(key)) continue;
    const name = parsed[`__${key}Name`];
    if (name !== undefined && typeof value === 'string' && value.startsWith('data:')) {
      const bytes = Uint8Array.from(atob(value.split(',')[1] ?? ''), (c) => c.charCodeAt(0));
      form.append(key, new Blob([bytes], { type: parsed[`__${key}Type`] ?? '' }), name);
    } else {
      form.append(key, value);
    }
  }
  return form;
}

export function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
