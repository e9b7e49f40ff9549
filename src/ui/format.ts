/** Small formatters the panel shares. */

export function formatDuration(ms: number | null): string {
  if (ms === null) return '…';
  if (ms < 1) return ms <= 0 ? '0 ms' : '<1 ms';
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

/** Seconds for a countdown or a time to live: `24.9 s`, `3 min 20 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

/**
 * A frame as people name it: its module key first, then the resource it was served from ("issue-panel (main)").
 * The host says nothing on a real site (`<uuid>.cdn.prod.atlassian-dev.net`): it is left to the tooltip. Real
 * frame URLs are `/<appId>/<envId>/<deploymentId>/<resourceKey>/_ctx_…/<asset>` and carry no module key; the
 * caller passes the one the frame's getContext answered, when known.
 */
export function frameLabel(url: string, moduleKey: string | null = null): string {
  try {
    const u = new URL(url);
    const module = moduleKey ?? u.searchParams.get('moduleKey');
    const parts = u.pathname.split('/').filter(Boolean);
    const ctx = parts.findIndex((p) => p.startsWith('_ctx_'));
    const resource = ctx > 0 ? parts[ctx - 1] : parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    if (module) return resource ? `${module} (${resource})` : module;
    return resource ?? u.host;
  } catch {
    return moduleKey ?? url.slice(0, 60);
  }
}
