// JSON Patch (RFC 6902) over a plain document whose editable top-level fields are listed by the caller,
// as FeatBit's PATCH routes use it (segments: SegmentController `PatchAsync`). A failed `test` on the
// caller's concurrency field is reported as a conflict.

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export class JsonPatchError extends Error {
  constructor(
    message: string,
    /** The failed test was on the concurrency field: the document changed meanwhile. */
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

export interface JsonPatchRules {
  /** Top-level fields operations may change. */
  writable: ReadonlySet<string>;
  /** Top-level fields `test` may read (the writable ones are added). */
  readable: ReadonlySet<string>;
  /** A failed `test` on this pointer is a conflict (e.g. `/updatedAt`). */
  conflictPath?: string;
}

type Container = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  if (pointer === '' || !pointer.startsWith('/'))
    throw new JsonPatchError(`invalid path ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function index(array: unknown[], key: string, forInsert: boolean): number {
  if (forInsert && key === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new JsonPatchError(`invalid array index ${key}`);
  const i = Number(key);
  if (i > array.length || (!forInsert && i === array.length))
    throw new JsonPatchError(`array index ${key} is out of range`);
  return i;
}

function parentOf(doc: Record<string, unknown>, pointer: string): { parent: Container; key: string } {
  const parts = tokens(pointer);
  let node: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node)
      ? node[index(node, part, false)]
      : (node as Record<string, unknown> | null)?.[part];
    if (node === null || typeof node !== 'object') throw new JsonPatchError(`path ${pointer} does not exist`);
  }
  return { parent: node as Container, key: parts[parts.length - 1] };
}

function read(doc: Record<string, unknown>, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent[index(parent, key, false)];
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw new JsonPatchError(`path ${pointer} does not exist`);
  return parent[key];
}

function put(doc: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = tokens(pointer);
  if (parts.length === 1) {
    doc[parts[0]] = value;
    return;
  }
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(index(parent, key, true), 0, value);
  else parent[key] = value;
}

function remove(doc: Record<string, unknown>, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent.splice(index(parent, key, false), 1)[0];
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw new JsonPatchError(`path ${pointer} does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

/**
 * The document after the patch (a new object; `source` is not touched), reduced to its writable
 * fields. Throws JsonPatchError for invalid operations, paths outside the writable fields or a
 * failed test.
 */
export function applyJsonPatch(
  source: object,
  operations: readonly JsonPatchOperation[],
  rules: JsonPatchRules,
): Record<string, unknown> {
  const doc = structuredClone(source) as Record<string, unknown>;
  const writable = (pointer: string): void => {
    const parts = tokens(pointer);
    if (!rules.writable.has(parts[0])) throw new JsonPatchError(`${parts[0]} cannot be changed with a patch`);
    if (parts.length === 1 && pointer.endsWith('/-')) throw new JsonPatchError(`invalid path ${pointer}`);
  };
  for (const op of operations) {
    switch (op.op) {
      case 'test': {
        const field = tokens(op.path)[0];
        if (!rules.readable.has(field) && !rules.writable.has(field))
          throw new JsonPatchError(`${field} cannot be tested`);
        if (JSON.stringify(read(doc, op.path)) !== JSON.stringify(op.value))
          throw new JsonPatchError(`test failed at ${op.path}`, op.path === rules.conflictPath);
        break;
      }
      case 'add':
        writable(op.path);
        put(doc, op.path, structuredClone(op.value));
        break;
      case 'replace':
        writable(op.path);
        read(doc, op.path);
        if (tokens(op.path).length > 1) remove(doc, op.path);
        put(doc, op.path, structuredClone(op.value));
        break;
      case 'remove':
        writable(op.path);
        if (tokens(op.path).length === 1)
          throw new JsonPatchError(`${op.path} cannot be removed, only replaced`);
        remove(doc, op.path);
        break;
      case 'move':
      case 'copy': {
        if (op.from === undefined) throw new JsonPatchError(`${op.op} needs "from"`);
        writable(op.path);
        if (op.op === 'move') writable(op.from);
        if (op.op === 'move' && (op.path + '/').startsWith(op.from + '/'))
          throw new JsonPatchError('cannot move a value into itself');
        const value = op.op === 'move' ? remove(doc, op.from) : structuredClone(read(doc, op.from));
        put(doc, op.path, value);
        break;
      }
      default:
        throw new JsonPatchError(`unknown operation ${String((op as { op: unknown }).op)}`);
    }
  }
  const result: Record<string, unknown> = {};
  for (const field of rules.writable) result[field] = doc[field];
  return result;
}
