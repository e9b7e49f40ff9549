/** Browser name and version from a user agent string, for the trace's `browser` field. */
export function browserFromUserAgent(ua: string): { name: string; version: string } | null {
  const firefox = /Firefox\/([\d.]+)/.exec(ua);
  if (firefox) return { name: 'Firefox', version: firefox[1]! };
  const edge = /Edg\/([\d.]+)/.exec(ua);
  if (edge) return { name: 'Edge', version: edge[1]! };
  const chrome = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(ua);
  if (chrome) return { name: /Chromium/.test(ua) ? 'Chromium' : 'Chrome', version: chrome[1]! };
  return null;
}
