/**
 * A checker for the subset of JSON Schema (draft-07) the trace schemas use: type, const, enum, minimum,
 * required, properties, items, oneOf and $ref (within a file or to a sibling file's definitions).
 * Schemas are turned into closures once, without eval, so extension pages whose CSP forbids compiling code
 * can check a trace against the very schema that documents it. Unsupported keywords are an error at
 * compile time, so a schema cannot silently check less than it says.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };

/** Takes a `path: message` problem; returns false once it has enough, which stops the walk. */
export type Report = (path: string, message: string) => boolean;

/** Thrown through the walk when the report has enough; never escapes a checker. */
class Enough {}

/**
 * Where the walk is: a stack of keys, turned into a JSON path only when there is a problem to report
 * (building a path string for every value visited would cost more than the checks).
 */
interface Walk {
  path: (string | number)[];
  problem: (path: string, message: string) => void;
}
type Check = (value: unknown, walk: Walk) => void;

const here = (walk: Walk) => `$${walk.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'minimum', 'required', 'properties', 'items', 'oneOf', '$ref', 'definitions']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const TYPES: Record<string, (v: unknown) => boolean> = {
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number',
  integer: (v) => Number.isInteger(v),
  string: (v) => typeof v === 'string',
  array: Array.isArray,
  object: isObject,
};

function typeTest(types: string[]): (v: unknown) => boolean {
  const tests = types.map((t) => {
    const test = TYPES[t];
    if (!test) throw new Error(`schema type not supported: ${t}`);
    return test;
  });
  return tests.length === 1 ? tests[0]! : (v) => tests.some((test) => test(v));
}

function describeList(values: readonly Json[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

export class SchemaCompiler {
  private readonly files = new Map<string, SchemaNode>();
  private readonly compiled = new Map<SchemaNode, Check>();

  /** Registers a schema under the last segment of its $id (the file name its siblings' $refs use). */
  add(schema: object): this {
    const id = String((schema as SchemaNode).$id ?? '');
    this.files.set(id.slice(id.lastIndexOf('/') + 1), schema as SchemaNode);
    return this;
  }

  /** A check function for a registered schema, by file name. */
  checker(file: string): (value: unknown, report: Report) => void {
    const root = this.files.get(file);
    if (!root) throw new Error(`unknown schema ${file}`);
    const check = this.compile(root, root);
    return (value, report) => {
      const walk: Walk = {
        path: [],
        problem: (path, message) => {
          if (!report(path, message)) throw new Enough();
        },
      };
      try {
        check(value, walk);
      } catch (error) {
        if (!(error instanceof Enough)) throw error;
      }
    };
  }

  private resolve(ref: string, root: SchemaNode): { node: SchemaNode; root: SchemaNode } {
    const [file, pointer = ''] = ref.split('#');
    const target = file ? this.files.get(file) : root;
    if (!target) throw new Error(`$ref to an unknown schema: ${ref}`);
    let node: Json = target;
    for (const part of pointer.split('/').filter(Boolean)) node = isObject(node) ? (node[part] as Json) : null;
    if (!isObject(node)) throw new Error(`$ref to nothing: ${ref}`);
    return { node: node as SchemaNode, root: target };
  }

  private compile(node: SchemaNode, root: SchemaNode): Check {
    const done = this.compiled.get(node);
    if (done) return done;
    // Late binding lets recursive $refs compile: the slot is filled before it is first called.
    let body: Check = () => undefined;
    const check: Check = (value, walk) => body(value, walk);
    this.compiled.set(node, check);
    body = this.build(node, root);
    return check;
  }

  private build(node: SchemaNode, root: SchemaNode): Check {
    for (const key of Object.keys(node)) if (!KNOWN.has(key)) throw new Error(`schema keyword not supported: ${key}`);
    if (typeof node.$ref === 'string') {
      const target = this.resolve(node.$ref, root);
      return this.compile(target.node, target.root);
    }
    const parts: Check[] = [];
    if (node.type !== undefined) {
      const types = (Array.isArray(node.type) ? node.type : [node.type]).map(String);
      const test = typeTest(types);
      const expected = `expected ${types.join(' or ')}`;
      parts.push((value, walk) => {
        if (!test(value)) walk.problem(here(walk), expected);
      });
    }
    if (node.const !== undefined) {
      const wanted = node.const;
      const expected = `expected ${JSON.stringify(wanted)}`;
      parts.push((value, walk) => {
        if (value !== wanted) walk.problem(here(walk), expected);
      });
    }
    if (Array.isArray(node.enum)) {
      const allowed = node.enum;
      const expected = `expected one of ${describeList(allowed)}`;
      parts.push((value, walk) => {
        if (!allowed.includes(value as Json)) walk.problem(here(walk), expected);
      });
    }
    if (typeof node.minimum === 'number') {
      const min = node.minimum;
      parts.push((value, walk) => {
        if (typeof value === 'number' && value < min) walk.problem(here(walk), `expected at least ${min}`);
      });
    }
    if (Array.isArray(node.required) || isObject(node.properties)) parts.push(this.objectCheck(node, root));
    if (isObject(node.items)) {
      const item = this.compile(node.items as SchemaNode, root);
      parts.push((value, walk) => {
        if (!Array.isArray(value)) return;
        const path = walk.path;
        path.push(0);
        for (let i = 0; i < value.length; i++) {
          path[path.length - 1] = i;
          item(value[i], walk);
        }
        path.pop();
      });
    }
    if (Array.isArray(node.oneOf)) parts.push(this.oneOfCheck(node.oneOf as SchemaNode[], root));
    if (parts.length === 1) return parts[0]!;
    return (value, walk) => {
      for (let i = 0; i < parts.length; i++) parts[i]!(value, walk);
    };
  }

  private objectCheck(node: SchemaNode, root: SchemaNode): Check {
    const required = (Array.isArray(node.required) ? node.required : []).map(String);
    const properties = Object.entries(isObject(node.properties) ? node.properties : {}).map(([key, child]) => [key, this.compile(child as SchemaNode, root)] as const);
    const keys = properties.map(([key]) => key);
    const checks = properties.map(([, check]) => check);
    return (value, walk) => {
      if (!isObject(value)) return;
      const path = walk.path;
      for (let i = 0; i < required.length; i++) {
        const key = required[i]!;
        if (key in value) continue;
        path.push(key);
        walk.problem(here(walk), 'missing');
        path.pop();
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!(key in value)) continue;
        path.push(key);
        checks[i]!(value[key], walk);
        path.pop();
      }
    };
  }

  /** Exactly one branch must pass; when none does, the problems of the branch of the value's type are reported. */
  private oneOfCheck(branches: SchemaNode[], root: SchemaNode): Check {
    const checks = branches.map((b) => ({ check: this.compile(b, root), fits: b.type === undefined ? null : typeTest((Array.isArray(b.type) ? b.type : [b.type]).map(String)), type: b.type }));
    return (value, walk) => {
      const failures = checks.map(({ check }) => {
        const found: [string, string][] = [];
        check(value, { path: [...walk.path], problem: (p, m) => found.push([p, m]) });
        return found;
      });
      const passing = failures.filter((f) => f.length === 0).length;
      if (passing === 1) return;
      if (passing > 1) return walk.problem(here(walk), 'matches more than one allowed form');
      const sameType = failures.find((_, i) => checks[i]!.fits?.(value) === true);
      if (!sameType) return walk.problem(here(walk), `expected ${checks.map((c) => c.type ?? 'another form').join(' or ')}`);
      for (const [p, m] of sameType) walk.problem(p, m);
    };
  }
}
