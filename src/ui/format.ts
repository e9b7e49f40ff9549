/** Small formatters the panel shares. */

export function formatDuration(ms: number | null): string {
  if (ms === null) return '…';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Wall-clock time of day with milliseconds, in the viewer's time zone. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The last path segment of a frame URL's path, or its host: enough to tell frames apart at a glance. */
export function shortFrameName(url: string): string {
  try {
    const u = new URL(url);
    const parts = u.pathname.split('/').filter(Boolean);
    const resource = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    return resource ? `${u.host} · ${resource}` : u.host;
  } catch {
    return url.slice(0, 60);
  }
}
