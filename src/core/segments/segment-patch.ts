import type { PermissionAction } from '../iam/permissions';
import { applyJsonPatch, type JsonPatchOperation } from '../json/json-patch';
import type { Segment } from './segment';

// JSON Patch on a segment, as FeatBit's `PATCH segments/{id}` (SegmentController `PatchAsync`). Only the
// editable fields change; `{"op":"test","path":"/updatedAt",…}` is the optimistic-concurrency check
// (segments carry no revision: updatedAt is what their writes compare).

/** Editable top-level fields and the permission each needs (FeatBit's segment actions). */
export const PATCHABLE_SEGMENT_FIELDS: Readonly<Record<string, PermissionAction>> = {
  name: 'UpdateSegmentName',
  description: 'UpdateSegmentDescription',
  tags: 'UpdateSegmentTags',
  included: 'UpdateSegmentTargetingUsers',
  excluded: 'UpdateSegmentTargetingUsers',
  rules: 'UpdateSegmentRules',
};

const WRITABLE = new Set(Object.keys(PATCHABLE_SEGMENT_FIELDS));
const READABLE = new Set(['id', 'key', 'envId', 'type', 'isArchived', 'updatedAt', 'scopes']);

export type PatchedSegment = Pick<
  Segment,
  'name' | 'description' | 'tags' | 'included' | 'excluded' | 'rules'
>;

/** The segment's editable fields after the patch (unchecked shapes: the caller validates them). */
export function applySegmentPatch(
  segment: Segment,
  operations: readonly JsonPatchOperation[],
): Record<string, unknown> {
  return applyJsonPatch(segment, operations, {
    writable: WRITABLE,
    readable: READABLE,
    conflictPath: '/updatedAt',
  });
}

/** The permissions the changed fields need. */
export function segmentPatchPermissions(segment: Segment, patched: PatchedSegment): PermissionAction[] {
  const needed = new Set<PermissionAction>();
  for (const [field, action] of Object.entries(PATCHABLE_SEGMENT_FIELDS)) {
    const before = (segment as unknown as Record<string, unknown>)[field];
    const after = (patched as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(before) !== JSON.stringify(after)) needed.add(action);
  }
  return [...needed];
}
