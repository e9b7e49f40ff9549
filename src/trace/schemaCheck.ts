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
type Check = (value: unknown, path: string, report: Report) => void;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'minimum', 'required', 'properties', 'items', 'oneOf', '$ref', 'definitions']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const matchesType = (value: unknown, type: string) => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

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
      try {
        check(value, '$', (path, message) => {
          if (!report(path, message)) throw new Enough();
          return true;
        });
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
    const check: Check = (value, path, report) => body(value, path, report);
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
    const types = node.type === undefined ? null : (Array.isArray(node.type) ? node.type : [node.type]).map(String);
    if (types) {
      const expected = types.join(' or ');
      parts.push((value, path, report) => {
        if (!types.some((t) => matchesType(value, t))) report(path, `expected ${expected}`);
      });
    }
    if (node.const !== undefined) {
      const wanted = node.const;
      parts.push((value, path, report) => {
        if (value !== wanted) report(path, `expected ${JSON.stringify(wanted)}`);
      });
    }
    if (Array.isArray(node.enum)) {
      const allowed = node.enum;
      parts.push((value, path, report) => {
        if (!allowed.includes(value as Json)) report(path, `expected one of ${describeList(allowed)}`);
      });
    }
    if (typeof node.minimum === 'number') {
      const min = node.minimum;
      parts.push((value, path, report) => {
        if (typeof value === 'number' && value < min) report(path, `expected at least ${min}`);
      });
    }
    if (Array.isArray(node.required) || isObject(node.properties)) parts.push(this.objectCheck(node, root));
    if (isObject(node.items)) {
      const item = this.compile(node.items as SchemaNode, root);
      parts.push((value, path, report) => {
        if (!Array.isArray(value)) return;
        for (let i = 0; i < value.length; i++) item(value[i], `${path}[${i}]`, report);
      });
    }
    if (Array.isArray(node.oneOf)) parts.push(this.oneOfCheck(node.oneOf as SchemaNode[], root));
    return (value, path, report) => {
      for (const part of parts) part(value, path, report);
    };
  }

  private objectCheck(node: SchemaNode, root: SchemaNode): Check {
    const required = (Array.isArray(node.required) ? node.required : []).map(String);
    const properties = Object.entries(isObject(node.properties) ? node.properties : {}).map(([key, child]) => [key, this.compile(child as SchemaNode, root)] as const);
    return (value, path, report) => {
      if (!isObject(value)) return;
      for (const key of required) if (!(key in value)) report(`${path}.${key}`, 'missing');
      for (const [key, check] of properties) if (key in value) check(value[key], `${path}.${key}`, report);
    };
  }

  /** Exactly one branch must pass; when none does, the problems of the branch of the value's type are reported. */
  private oneOfCheck(branches: SchemaNode[], root: SchemaNode): Check {
    const checks = branches.map((b) => ({ check: this.compile(b, root), type: b.type }));
    return (value, path, report) => {
      const failures = checks.map(({ check }) => {
        const found: [string, string][] = [];
        check(value, path, (p, m) => found.push([p, m]) < 100);
        return found;
      });
      const passing = failures.filter((f) => f.length === 0).length;
      if (passing === 1) return;
      if (passing > 1) return void report(path, 'matches more than one allowed form');
      const sameType = failures.find((_, i) => typeof checks[i]!.type === 'string' && matchesType(value, checks[i]!.type as string));
      if (!sameType) return void report(path, `expected ${checks.map((c) => c.type ?? 'another form').join(' or ')}`);
      for (const [p, m] of sameType) report(p, m);
    };
  }
}
