/**
 * What a user types to add an origin ("localhost:3000", "https://tunnel.example.com", "*.ngrok.app")
 * turned into a match pattern for one host, or a reason it cannot be one. Patterns that would cover
 * every site are refused: the extension asks for the fewest hosts that work.
 */
export type OriginPatternResult = { ok: true; pattern: string } | { ok: false; reason: string };

const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/;

export function toMatchPattern(input: string): OriginPatternResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'Type an origin, for example https://my-tunnel.example.com or localhost:3000.' };
  if (text.includes('<all_urls>')) return { ok: false, reason: 'All sites is not an origin: name the host your app frames are served from.' };

  const match = /^(?:(\*|https?):\/\/)?([^/:?#]+)(?::(\d+|\*))?(?:[/?#].*)?$/.exec(text);
  if (!match) return { ok: false, reason: `“${input.trim()}” is not an origin (scheme://host[:port]).` };
  const [, scheme, host = '', port] = match;
  if (host === '*' || host.startsWith('*.') === false && host.includes('*')) {
    return { ok: false, reason: 'A wildcard may only stand first in a host, as in *.example.com.' };
  }
  if (!HOST.test(host)) return { ok: false, reason: `“${host}” is not a host name.` };
  if (host.startsWith('*.') && host.split('.').length < 3) {
    return { ok: false, reason: `“${host}” would cover a whole top-level domain.` };
  }
  if (port !== undefined && port !== '*' && (Number(port) < 1 || Number(port) > 65535)) {
    return { ok: false, reason: `Port ${port} is out of range.` };
  }
  // Match patterns ignore ports: a host pattern covers all of them (a port in what was typed is accepted and dropped).
  const local = host === 'localhost' || /^127(\.\d+){3}$/.test(host);
  const chosenScheme = scheme ?? (local ? 'http' : 'https');
  return { ok: true, pattern: `${chosenScheme}://${host}/*` };
}
