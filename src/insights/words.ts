/** How findings write numbers: short, and the same everywhere. */

/**
 * `n.toLocaleString('en-US')`: a safe integer is grouped by thousands here, without the Intl formatter, whose
 * first use in a page (an export's derive) costs 10 ms or more; anything else goes to the formatter.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

export function ms(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  return `${grouped(Math.round(n))} ms`;
}

export function kb(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${grouped(Math.round(bytes / 1024))} KB`;
}

export const percent = (share: number) => `${Math.round(share * 100)} %`;
