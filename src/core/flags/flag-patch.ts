import type { PermissionAction } from '../iam/permissions';
import type { FeatureFlag } from './feature-flag';

// JSON Patch (RFC 6902) on a flag, as FeatBit's PATCH route and its CLI use it (e.g. `set-rollout`).
// Only the editable parts of a flag can be changed; `test` may also read id, key and revision (a
// revision test is the optimistic-concurrency check).

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

/** Editable top-level fields and the permission each needs. */
export const PATCHABLE_FLAG_FIELDS: Readonly<Record<string, PermissionAction>> = {
  name: 'UpdateFlagName',
  description: 'UpdateFlagDescription',
  isEnabled: 'ToggleFlag',
  tags: 'UpdateFlagTags',
  variations: 'UpdateFlagVariations',
  disabledVariationId: 'UpdateFlagOffVariation',
  targetUsers: 'UpdateFlagIndividualTargeting',
  rules: 'UpdateFlagTargetingRules',
  fallthrough: 'UpdateFlagDefaultRule',
  exptIncludeAllTargets: 'UpdateFlagDefaultRule',
};
const READABLE = new Set([
  ...Object.keys(PATCHABLE_FLAG_FIELDS),
  'id',
  'key',
  'revision',
  'envId',
  'variationType',
  'isArchived',
]);

export class PatchError extends Error {
  constructor(
    message: string,
    /** The failed test was on /revision: someone changed the flag meanwhile. */
    readonly revisionConflict = false,
  ) {
    super(message);
    this.name = 'PatchError';
  }
}

type Container = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  if (pointer === '' || !pointer.startsWith('/'))
    throw new PatchError(`invalid path ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Record<string, unknown>, pointer: string): { parent: Container; key: string } {
  const parts = tokens(pointer);
  let node: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node)
      ? node[index(node, part, false)]
      : (node as Record<string, unknown> | null)?.[part];
    if (node === null || typeof node !== 'object') throw new PatchError(`path ${pointer} does not exist`);
  }
  return { parent: node as Container, key: parts[parts.length - 1] };
}

function index(array: unknown[], key: string, forInsert: boolean): number {
  if (forInsert && key === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new PatchError(`invalid array index ${key}`);
  const i = Number(key);
  if (i > array.length || (!forInsert && i === array.length))
    throw new PatchError(`array index ${key} is out of range`);
  return i;
}

function read(doc: Record<string, unknown>, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent[index(parent, key, false)];
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw new PatchError(`path ${pointer} does not exist`);
  return parent[key];
}

function add(doc: Record<string, unknown>, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(index(parent, key, true), 0, value);
  else parent[key] = value;
}

function remove(doc: Record<string, unknown>, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent.splice(index(parent, key, false), 1)[0];
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw new PatchError(`path ${pointer} does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

function checkWritable(pointer: string): void {
  const field = tokens(pointer)[0];
  if (!(field in PATCHABLE_FLAG_FIELDS)) throw new PatchError(`${field} cannot be changed with a patch`);
  if (tokens(pointer).length === 1 && pointer.endsWith('/-')) throw new PatchError(`invalid path ${pointer}`);
}

/**
 * The flag's editable fields after the patch (a new object; the flag is not touched). Throws
 * PatchError for invalid operations, paths outside the editable fields or a failed test.
 */
export function applyFlagPatch(
  flag: FeatureFlag,
  operations: readonly PatchOperation[],
): Partial<FeatureFlag> {
  const doc = structuredClone(flag) as unknown as Record<string, unknown>;
  for (const op of operations) {
    switch (op.op) {
      case 'test': {
        const field = tokens(op.path)[0];
        if (!READABLE.has(field)) throw new PatchError(`${field} cannot be tested`);
        if (JSON.stringify(read(doc, op.path)) !== JSON.stringify(op.value)) {
          throw new PatchError(`test failed at ${op.path}`, op.path === '/revision');
        }
        break;
      }
      case 'add':
        checkWritable(op.path);
        if (tokens(op.path).length === 1) doc[tokens(op.path)[0]] = op.value;
        else add(doc, op.path, structuredClone(op.value));
        break;
      case 'replace':
        checkWritable(op.path);
        read(doc, op.path);
        if (tokens(op.path).length === 1) doc[tokens(op.path)[0]] = op.value;
        else {
          remove(doc, op.path);
          add(doc, op.path, structuredClone(op.value));
        }
        break;
      case 'remove':
        checkWritable(op.path);
        if (tokens(op.path).length === 1) throw new PatchError(`${op.path} cannot be removed, only replaced`);
        remove(doc, op.path);
        break;
      case 'move':
      case 'copy': {
        if (op.from === undefined) throw new PatchError(`${op.op} needs "from"`);
        checkWritable(op.path);
        if (op.op === 'move') checkWritable(op.from);
        if (op.op === 'move' && (op.path + '/').startsWith(op.from + '/'))
          throw new PatchError('cannot move a value into itself');
        const value = op.op === 'move' ? remove(doc, op.from) : structuredClone(read(doc, op.from));
        if (tokens(op.path).length === 1) doc[tokens(op.path)[0]] = value;
        else add(doc, op.path, value);
        break;
      }
      default:
        throw new PatchError(`unknown operation ${String((op as { op: unknown }).op)}`);
    }
  }
  const result: Record<string, unknown> = {};
  for (const field of Object.keys(PATCHABLE_FLAG_FIELDS)) result[field] = doc[field];
  return result;
}

/** The permissions the changed fields need. */
export function patchPermissions(flag: FeatureFlag, patched: Partial<FeatureFlag>): PermissionAction[] {
  const needed = new Set<PermissionAction>();
  for (const [field, action] of Object.entries(PATCHABLE_FLAG_FIELDS)) {
    const before = (flag as unknown as Record<string, unknown>)[field];
    const after = (patched as Record<string, unknown>)[field];
    if (JSON.stringify(before) !== JSON.stringify(after)) needed.add(action);
  }
  return [...needed];
}
