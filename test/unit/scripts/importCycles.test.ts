import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from '../../../scripts/lib/importCycles';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fbdt-cycles-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import circles', () => {
  it('finds none in src/', () => {
    expect(importCycles('src').map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a circle of type-only imports across folders, as trace/har.ts ↔ harCalls.ts was', () => {
    const root = tree({
      'trace/har.ts': "import { callsToHar } from './harCalls';\nexport interface HarEntry { url: string }\nexport const toHar = () => callsToHar();",
      'trace/harCalls.ts': "import type { HarEntry } from './har';\nexport const callsToHar = (): HarEntry[] => [];",
      'network/ok.ts': "import { x } from '../trace/index';\nexport const y = x;",
      'trace/index.ts': 'export const x = 1;',
    });
    expect(importCycles(root)).toEqual([['trace/har.ts', 'trace/harCalls.ts', 'trace/har.ts']]);
  });

  it('follows re-exports, index files, .tsx and a longer circle, and names each circle once', () => {
    const root = tree({
      'a.ts': "export * from './b';",
      'b/index.ts': "export { c } from '../c';",
      'c.tsx': "import { a } from './a.js';\nexport const c = a;",
      'self.ts': "import './self';",
      'leaf.ts': "import 'preact';\nimport { c } from './c';",
    });
    const cycles = importCycles(root);
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(['a.ts', 'b/index.ts', 'c.tsx', 'a.ts']);
    expect(cycles).toContainEqual(['self.ts', 'self.ts']);
  });
});
