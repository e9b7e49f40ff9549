import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Import circles among the TypeScript files under a folder. TypeScript's own pre-processor lists each file's
 * imports and re-exports (type-only ones too: a circle of types is still two files that cannot be read apart),
 * so no dependency is added; madge or dpdm would do the same through a resolver of their own. Only relative
 * imports are followed: packages cannot import back into the folder.
 */
export function importCycles(root: string): string[][] {
  const files = sourceFiles(resolve(root));
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  return cyclesOf(graph).map((cycle) => cycle.map((file) => relative(resolve(root), file)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const base = resolve(dirname(file), fileName.replace(/\.js$/, ''));
    const found = CANDIDATES.map((ending) => base + ending).find((path) => existsSync(path) && statSync(path).isFile());
    return found ? [found] : [];
  });
}

/** Each strongly connected group of more than one file (or a file importing itself), as one circle through it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative: the import graph can be deep.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [node, edge] = top;
      if (edge === 0) {
        index.set(node, next);
        low.set(node, next++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = graph.get(node) ?? [];
      if (edge < targets.length) {
        top[1]++;
        const target = targets[edge]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        if (group.length > 1 || targets.includes(node)) groups.push(circleThrough(group, graph));
      }
    }
  }
  return groups;
}

/** One circle inside a strongly connected group, from its first file (by name) back to it: what to show a reader. */
function circleThrough(group: string[], graph: Map<string, string[]>): string[] {
  const members = new Set(group);
  const first = [...group].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === first) {
        const path = [node];
        while (path[0] !== first) path.unshift(previous.get(path[0]!)!);
        return [...path, first];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [first, first];
}
