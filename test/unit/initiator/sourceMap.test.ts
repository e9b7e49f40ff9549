import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createFrameMapper, inlineMapText, mapperFromText, originalLabel, resolveMapUrl, sourceMappingUrl } from '../../../src/initiator/sourceMap';

const ORIGINAL = [
  'import { invoke } from "@forge/bridge";',
  '',
  'export async function loadIssues(project: string) {',
  '  const query = `project = ${project}`;',
  '  return invoke("getIssues", { query });',
  '}',
  '',
].join('\n');

/** The original, minified by esbuild with an inline map, and the 1-based place of the `invoke(` call in the output. */
function built(sourcemap: 'inline' | 'external') {
  const out = transformSync(ORIGINAL, { loader: 'ts', format: 'esm', minify: true, sourcemap, sourcefile: 'src/loadIssues.ts' });
  const code = out.code;
  const at = code.indexOf('("getIssues"');
  // The callee's identifier starts right before "(": walk back over it.
  let start = at;
  while (start > 0 && /[\w$]/.test(code[start - 1]!)) start--;
  const before = code.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return { code, map: out.map, line, column };
}

describe('source-mapped call sites', () => {
  it('maps a minified call site to its original file, line and column, from a map inlined in the script', () => {
    const { code, line, column } = built('inline');
    const url = sourceMappingUrl(code);
    expect(url?.startsWith('data:application/json;base64,')).toBe(true);
    const text = inlineMapText(url!);
    expect(text.ok).toBe(true);
    const result = mapperFromText(text.ok ? text.text : '', 'https://app.cdn.prod.atlassian-dev.net/assets/index.js');
    expect(result.ok).toBe(true);
    const place = result.ok ? result.mapper({ fn: 'a', url: 'https://app.cdn.prod.atlassian-dev.net/assets/index.js', line, column }) : null;
    expect(place).toMatchObject({ source: 'https://app.cdn.prod.atlassian-dev.net/assets/src/loadIssues.ts', line: 5, name: 'invoke' });
    expect(ORIGINAL.split('\n')[place!.line - 1]!.slice(place!.column - 1).startsWith('invoke(')).toBe(true);
    expect(originalLabel(place!)).toBe('invoke @ assets/src/loadIssues.ts:5:10');
  });

  it('reads a map DevTools loaded (the text of an external map), resolved against the map\'s URL', () => {
    const { map, line, column } = built('external');
    const result = mapperFromText(map, 'http://localhost:8000/static/js/main.js.map');
    const place = result.ok ? result.mapper({ fn: '', url: 'http://localhost:8000/static/js/main.js', line, column }) : null;
    expect(place).toMatchObject({ source: 'http://localhost:8000/static/js/src/loadIssues.ts', line: 5 });
  });

  it('finds the last sourceMappingURL comment, and resolves a relative one against the script', () => {
    expect(sourceMappingUrl('a()\n//# sourceMappingURL=old.map\nb()\n//# sourceMappingURL=main.js.map\n')).toBe('main.js.map');
    expect(sourceMappingUrl('//@ sourceMappingURL=legacy.map')).toBe('legacy.map');
    expect(sourceMappingUrl('const s = "no map here";')).toBeNull();
    expect(sourceMappingUrl('const s = "// sourceMappingURL=inside.map";')).toBeNull();
    // An inline map is often far longer than the code: the comment is found from the end whatever its length.
    const long = `data:application/json;base64,${'A'.repeat(200_000)}`;
    expect(sourceMappingUrl(`f()\n//# sourceMappingURL=${long}\n`)).toBe(long);
    expect(resolveMapUrl('main.js.map', 'https://x.cdn.prod.atlassian-dev.net/a/b/main.js')).toBe('https://x.cdn.prod.atlassian-dev.net/a/b/main.js.map');
  });

  it('decodes percent-encoded inline maps, and says why it reads nothing else', () => {
    const json = '{"version":3,"sources":["a.ts"],"names":[],"mappings":"AAAA"}';
    expect(inlineMapText(`data:application/json,${encodeURIComponent(json)}`)).toEqual({ ok: true, text: json });
    expect(inlineMapText('https://evil.example/map.json')).toEqual({ ok: false, reason: 'not an inline (data:) source map' });
    expect(inlineMapText('data:text/html;base64,PGI+')).toMatchObject({ ok: false, reason: expect.stringContaining('text/html') });
    expect(inlineMapText('data:application/json;base64,%%%')).toMatchObject({ ok: false, reason: expect.stringContaining('could not be decoded') });
  });

  it('refuses text that is not a usable map, with the reason, and maps nothing outside the map', () => {
    expect(mapperFromText('not json', 'x:/m')).toMatchObject({ ok: false, reason: expect.stringContaining('could not be read') });
    expect(mapperFromText('[1]', 'x:/m')).toEqual({ ok: false, reason: 'the source map is not a JSON object' });
    expect(mapperFromText('{"version":2,"mappings":""}', 'x:/m')).toEqual({ ok: false, reason: 'the source map\'s version is 2, not 3' });
    expect(mapperFromText('{"version":3}', 'x:/m')).toEqual({ ok: false, reason: 'the source map has no "mappings" string' });
    const ok = mapperFromText('{"version":3,"sources":["a.ts"],"names":[],"mappings":"AAAA"}', 'http://h/m.map');
    expect(ok.ok && ok.mapper({ fn: '', url: 'http://h/a.js', line: 40, column: 1 })).toBeNull();
  });
});

describe('createFrameMapper: maps from what DevTools holds, nothing fetched', () => {
  it('uses a script\'s inline map, or the map resource DevTools loaded, and asks for each script once', async () => {
    const inline = built('inline');
    const external = built('external');
    const asked: string[] = [];
    const held: Record<string, string> = {
      'http://h/inline.js': inline.code,
      'http://h/external.js': `${external.code}//# sourceMappingURL=maps/external.js.map\n`,
      'http://h/maps/external.js.map': external.map,
      'http://h/unmapped.js': 'f()',
      'http://h/lost.js': 'f()\n//# sourceMappingURL=lost.js.map\n',
    };
    const mapFrame = createFrameMapper(async (url) => (asked.push(url), held[url] ?? null));
    const at = (url: string, b: { line: number; column: number }) => mapFrame({ fn: 'a', url, line: b.line, column: b.column });
    expect(await at('http://h/inline.js', inline)).toMatchObject({ source: 'http://h/src/loadIssues.ts', line: 5 });
    expect(await at('http://h/inline.js', inline)).toMatchObject({ line: 5 });
    expect(await at('http://h/external.js', external)).toMatchObject({ source: 'http://h/maps/src/loadIssues.ts', line: 5 });
    expect(await at('http://h/unmapped.js', { line: 1, column: 1 })).toBeNull();
    // The map URL it names is not held by DevTools: nothing (and no fetch: contentOf is the only way in).
    expect(await at('http://h/lost.js', { line: 1, column: 1 })).toBeNull();
    expect(asked).toEqual(['http://h/inline.js', 'http://h/external.js', 'http://h/maps/external.js.map', 'http://h/unmapped.js', 'http://h/lost.js', 'http://h/lost.js.map']);
  });
});
