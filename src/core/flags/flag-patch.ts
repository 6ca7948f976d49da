import type { PermissionAction } from '../iam/permissions';
import { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from '../json/json-patch';
import type { FeatureFlag } from './feature-flag';

// JSON Patch (RFC 6902, src/core/json/json-patch.ts) on a flag, as FeatBit's PATCH route and its CLI
// use it (e.g. `set-rollout`).
// Only the editable parts of a flag can be changed; `test` may also read id, key and revision (a
// revision test is the optimistic-concurrency check).

export type PatchOperation = JsonPatchOperation;

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

const WRITABLE: ReadonlySet<string> = new Set(Object.keys(PATCHABLE_FLAG_FIELDS));

/**
 * The flag's editable fields after the patch (a new object; the flag is not touched). Throws
 * PatchError for invalid operations, paths outside the editable fields or a failed test.
 */
export function applyFlagPatch(
  flag: FeatureFlag,
  operations: readonly PatchOperation[],
): Partial<FeatureFlag> {
  try {
    return applyJsonPatch(flag, operations, {
      writable: WRITABLE,
      readable: READABLE,
      conflictPath: '/revision',
    });
  } catch (err) {
    if (err instanceof JsonPatchError) throw new PatchError(err.message, err.conflict);
    throw err;
  }
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
