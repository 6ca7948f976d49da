import type { AuditInstruction, InstructionView } from './audit-instruction';
import type { AuditDataChange, AuditRefType } from './audit-log';
import { type FlagVersion, flagDiff } from './flag-diff';
import { instructionText, type InstructionTextOptions } from './instruction-text';
import { type SegmentVersion, segmentDiff } from './segment-diff';

// Bookkeeping fields that change on every write and say nothing to a reader.
const IGNORED = new Set(['updatedAt', 'revision', 'updatorId', 'version']);

/** The object an audit JSON text holds, or null ("" on the missing side, or not an object). */
function parse(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Field-by-field changes of any object (environments, projects, members, policies …). */
export function fieldDiff(
  previous: Record<string, unknown> | null,
  current: Record<string, unknown> | null,
): AuditInstruction[] {
  const of = 'resource';
  if (!previous && current)
    return [
      {
        of,
        kind: 'Create',
        value: current,
        after: { key: text(current['key']), name: text(current['name']) },
      },
    ];
  if (previous && !current)
    return [
      {
        of,
        kind: 'Remove',
        value: previous,
        before: { key: text(previous['key']), name: text(previous['name']) },
      },
    ];
  if (!previous || !current) return [];
  const out: AuditInstruction[] = [];
  for (const field of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    if (IGNORED.has(field)) continue;
    const before = previous[field];
    const after = current[field];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    out.push({
      of,
      kind: 'UpdateField',
      value: { field, previous: before ?? null, current: after ?? null },
      subject: { field },
      before,
      after,
    });
  }
  return out;
}

/** The structured semantic diff of an audit entry, computed from its before/after JSON texts. */
export function auditDiff(refType: AuditRefType, change: AuditDataChange): AuditInstruction[] {
  const previous = parse(change.previous);
  const current = parse(change.current);
  switch (refType) {
    case 'FeatureFlag':
      return flagDiff(previous as FlagVersion | null, current as FlagVersion | null);
    case 'Segment':
      return segmentDiff(previous as SegmentVersion | null, current as SegmentVersion | null);
    default:
      return fieldDiff(previous, current);
  }
}

/** FeatBit's instruction list of an audit entry, as the REST listing returns it (with the sentence). */
export function auditInstructions(
  refType: AuditRefType,
  change: AuditDataChange,
  options?: InstructionTextOptions,
): InstructionView[] {
  return auditDiff(refType, change).map((i) => ({
    kind: i.kind,
    value: i.value,
    text: instructionText(i, options),
  }));
}
