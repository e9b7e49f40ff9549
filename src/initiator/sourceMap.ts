import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { StackFrame } from '../protocol/initiator';

/**
 * Source-mapped call sites: an initiator frame (a place in the page's generated script) mapped to the
 * original source with @jridgewell/trace-mapping (small, no eval). The map comes only from where the page's
 * own script carries it inline (a `data:` sourceMappingURL) or from what DevTools already loaded; nothing is
 * ever fetched from a URL the page chose (see extension/panel/environment.ts).
 */

export interface OriginalPlace {
  /** The original source's URL as the map names it (resolved against the map's URL). */
  source: string;
  /** 1-based, as DevTools shows them. */
  line: number;
  column: number;
  /** The original identifier at that place (e.g. the function called), when the map names one. */
  name: string | null;
}

/** Longest map text read (characters): a page's map is not allowed to cost the panel unbounded memory. */
export const MAX_MAP_CHARS = 32 * 1024 * 1024;

/** The last `//# sourceMappingURL=…` (or the older `//@`) comment of a script, or null. */
export function sourceMappingUrl(script: string): string | null {
  // From the end: the comment is the script's last line by convention, and an inline map can be megabytes long.
  const KEY = 'sourceMappingURL=';
  for (let at = script.lastIndexOf(KEY); at >= 0; at = at === 0 ? -1 : script.lastIndexOf(KEY, at - 1)) {
    const lineStart = script.lastIndexOf('\n', at) + 1;
    if (!/^[ \t]*\/\/[#@][ \t]+$/.test(script.slice(lineStart, at))) continue;
    const lineEnd = script.indexOf('\n', at);
    const url = script.slice(at + KEY.length, lineEnd < 0 ? script.length : lineEnd).trim();
    if (url !== '' && !/[\s'"]/.test(url)) return url;
  }
  return null;
}

export type MapText = { ok: true; text: string } | { ok: false; reason: string };

/** The JSON text of an inline `data:` source map URL (base64 or percent-encoded); a reason for anything else. */
export function inlineMapText(url: string): MapText {
  const m = /^data:([^,]*),(.*)$/s.exec(url);
  if (!m) return { ok: false, reason: 'not an inline (data:) source map' };
  const meta = m[1]!.toLowerCase();
  if (!meta.startsWith('application/json')) return { ok: false, reason: `an inline source map of type "${meta.split(';')[0]}", not application/json` };
  const body = m[2]!;
  if (body.length > MAX_MAP_CHARS) return { ok: false, reason: `an inline source map over ${MAX_MAP_CHARS / 1024 / 1024} MB` };
  try {
    if (meta.split(';').includes('base64')) {
      const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
      return { ok: true, text: new TextDecoder().decode(bytes) };
    }
    return { ok: true, text: decodeURIComponent(body) };
  } catch (e) {
    return { ok: false, reason: `the inline source map could not be decoded (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The map's URL resolved against the script's, or null when it is not a URL. */
export function resolveMapUrl(mapUrl: string, scriptUrl: string): string | null {
  try {
    return new URL(mapUrl, scriptUrl).href;
  } catch {
    return null;
  }
}

export type FrameMapper = (frame: StackFrame) => OriginalPlace | null;
export type MapperResult = { ok: true; mapper: FrameMapper } | { ok: false; reason: string };

/** A mapper for one generated script from its map's JSON text; a reason when the text is not a usable map. */
export function mapperFromText(text: string, mapUrl: string): MapperResult {
  if (text.length > MAX_MAP_CHARS) return { ok: false, reason: `the source map is over ${MAX_MAP_CHARS / 1024 / 1024} MB` };
  let map: TraceMap;
  try {
    const json = JSON.parse(text) as unknown;
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'the source map is not a JSON object' };
    const { version, mappings, sections } = json as { version?: unknown; mappings?: unknown; sections?: unknown };
    if (version !== 3) return { ok: false, reason: `the source map's version is ${JSON.stringify(version)}, not 3` };
    if (sections !== undefined) return { ok: false, reason: 'indexed (sectioned) source maps are not read' };
    if (typeof mappings !== 'string') return { ok: false, reason: 'the source map has no "mappings" string' };
    map = new TraceMap(json as ConstructorParameters<typeof TraceMap>[0], mapUrl);
  } catch (e) {
    return { ok: false, reason: `the source map could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
  return {
    ok: true,
    mapper: (frame) => {
      // Stack columns are 1-based; trace-mapping's are 0-based (lines 1-based in both).
      const p = originalPositionFor(map, { line: frame.line, column: Math.max(0, frame.column - 1) });
      if (p.source === null || p.line === null || p.column === null) return null;
      return { source: p.source, line: p.line, column: p.column + 1, name: p.name };
    },
  };
}

/** "src/App.tsx:12:5", or with the original name: "loadIssues @ src/App.tsx:12:5". */
export function originalLabel(place: OriginalPlace): string {
  let where = place.source;
  try {
    const u = new URL(place.source);
    where = u.protocol === 'webpack:' || u.protocol === 'file:' ? u.pathname.replace(/^\/+/, '') : `${u.pathname.replace(/^\/+/, '')}`;
  } catch {
    // a relative source: as it is
  }
  const at = `${where}:${place.line}:${place.column}`;
  return place.name ? `${place.name} @ ${at}` : at;
}

/**
 * Original places for frames of the inspected page, from what `contentOf` gives: the text of a resource
 * DevTools already holds, by URL (its scripts, and a map only if DevTools loaded it), or null. A script's map
 * is its inline data: URL, else the resource at its sourceMappingURL if DevTools has it; nothing is fetched.
 * One mapper per script URL, looked up once (a script without a usable map is remembered as such).
 */
export function createFrameMapper(contentOf: (url: string) => Promise<string | null>): (frame: StackFrame) => Promise<OriginalPlace | null> {
  const mappers = new Map<string, Promise<FrameMapper | null>>();
  const mapperFor = async (scriptUrl: string): Promise<FrameMapper | null> => {
    const script = await contentOf(scriptUrl);
    const mapUrl = script === null ? null : sourceMappingUrl(script);
    if (mapUrl === null) return null;
    const inline = inlineMapText(mapUrl);
    if (inline.ok) {
      const r = mapperFromText(inline.text, scriptUrl);
      return r.ok ? r.mapper : null;
    }
    const resolved = resolveMapUrl(mapUrl, scriptUrl);
    const text = resolved === null ? null : await contentOf(resolved);
    if (text === null) return null;
    const r = mapperFromText(text, resolved!);
    return r.ok ? r.mapper : null;
  };
  return async (frame) => {
    let mapper = mappers.get(frame.url);
    if (mapper === undefined) {
      mapper = mapperFor(frame.url).catch(() => null);
      mappers.set(frame.url, mapper);
    }
    const m = await mapper;
    return m === null ? null : m(frame);
  };
}
