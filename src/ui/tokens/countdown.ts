/** "expires in 12 s", "expired 3 s ago": the time left on a token, in words, for a given now. */
export function countdownText(expSeconds: number | null, now: number): string {
  if (expSeconds === null) return 'no expiry (exp) claim';
  const left = expSeconds * 1000 - now;
  const s = Math.abs(left) / 1000;
  const words = s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 120 ? `${Math.round(s / 60)} min` : `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return left >= 0 ? `expires in ${words}` : `expired ${words} ago`;
}
