import { describe, expect, it } from 'vitest';
import { SchemaCompiler } from '../../../src/trace/schemaCheck';

const list = {
  $id: 'https://x.invalid/list.json',
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: { $ref: 'node.json#/definitions/node' } }, note: { oneOf: [{ type: 'null' }, { type: 'object', required: ['text'], properties: { text: { type: 'string' } } }] } },
};
const node = {
  $id: 'https://x.invalid/node.json',
  definitions: {
    node: { type: 'object', required: ['kind', 'size'], properties: { kind: { enum: ['a', 'b'] }, size: { type: 'integer', minimum: 0 }, version: { const: 2 }, children: { type: 'array', items: { $ref: '#/definitions/node' } } } },
  },
};

function problems(value: unknown, max = 10): string[] {
  const out: string[] = [];
  new SchemaCompiler().add(list).add(node).checker('list.json')(value, (path, message) => out.push(`${path}: ${message}`) < max);
  return out;
}

describe('SchemaCompiler (the JSON Schema subset the trace schemas use)', () => {
  it('accepts a value that fits, through refs across files and recursion', () => {
    expect(problems({ items: [{ kind: 'a', size: 1, children: [{ kind: 'b', size: 0, version: 2 }] }], note: null })).toEqual([]);
    expect(problems({ items: [], note: { text: 'hi' } })).toEqual([]);
  });

  it('names each problem with its JSON path', () => {
    expect(problems({ items: [{ kind: 'c', size: -1, version: 3, children: [{ size: 1.5 }] }], note: { text: 1 } })).toEqual([
      '$.items[0].kind: expected one of "a", "b"',
      '$.items[0].size: expected at least 0',
      '$.items[0].version: expected 2',
      '$.items[0].children[0].kind: missing',
      '$.items[0].children[0].size: expected integer',
      '$.note.text: expected string',
    ]);
    expect(problems([])).toEqual(['$: expected object']);
    expect(problems({ note: 'x' })).toEqual(['$.items: missing', '$.note: expected null or object']);
  });

  it('stops collecting when the report says enough', () => {
    expect(problems({ items: Array.from({ length: 50 }, () => ({})) }, 3)).toHaveLength(3);
  });

  it('refuses a schema keyword it does not check, rather than check less than the schema says', () => {
    const compiler = new SchemaCompiler().add({ $id: 'p.json', type: 'string', pattern: '^a' });
    expect(() => compiler.checker('p.json')).toThrow('schema keyword not supported: pattern');
  });
});
