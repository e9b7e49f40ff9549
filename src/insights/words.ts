/** How findings write numbers: short, and the same everywhere. */

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function ms(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  return `${Math.round(n).toLocaleString('en-US')} ms`;
}

export function kb(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
}

export const percent = (share: number) => `${Math.round(share * 100)} %`;
