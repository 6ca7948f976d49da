import { auditDiff } from '@domain/audit/audit-diff';
import type { AuditInstruction } from '@domain/audit/audit-instruction';
import { flagDiff } from '@domain/audit/flag-diff';
import { instructionEffect, type InstructionEffect } from '@domain/audit/instruction-text';
import { segmentDiff } from '@domain/audit/segment-diff';
import type { AuditLogEntry, FeatureFlag, Segment } from '../api/api.models';
import { instructionText, SUBJECT_TEXT } from './instruction-text';

// The console's change lists are the core's instructions (src/core/audit/), read in the console's
// language (./instruction-text.ts); the fallback for entries without a visible change is console-specific.

export type ChangeKind = InstructionEffect;

/** One line of a human-readable change list. */
export interface Change {
  kind: ChangeKind;
  text: string;
}

/** Looks up segment names for segment conditions; ids are shown when unknown. */
export type SegmentNames = (id: string) => string;

function toChanges(instructions: readonly AuditInstruction[], segmentName?: SegmentNames): Change[] {
  return instructions.map((i) => ({ kind: instructionEffect(i), text: instructionText(i, { segmentName }) }));
}

/** What changed between two versions of a flag: the save review and History read the same lines. */
export function diffFlags(before: FeatureFlag, after: FeatureFlag, segmentName?: SegmentNames): Change[] {
  return toChanges(flagDiff(before, after), segmentName);
}

/** What changed between two versions of a segment. */
export function diffSegments(before: Segment, after: Segment): Change[] {
  return toChanges(segmentDiff(before, after));
}

/** An audit entry as a readable change list; entries without a visible change say what was done. */
export function describeAuditEntry(entry: AuditLogEntry, segmentName?: SegmentNames): Change[] {
  const changes = toChanges(auditDiff(entry.refType, entry.dataChange), segmentName);
  if (changes.length > 0) return changes;
  const what =
    SUBJECT_TEXT[
      entry.refType === 'Segment' ? 'segment' : entry.refType === 'FeatureFlag' ? 'flag' : 'resource'
    ];
  return [{ kind: 'update', text: operationText(entry.operation, what) ?? $localize`No visible change` }];
}

/** "Archived the flag": what an entry without a visible change did. */
function operationText(operation: string, what: string): string | null {
  switch (operation) {
    case 'Create':
      return $localize`Created the ${what}:subject:`;
    case 'Archive':
      return $localize`Archived the ${what}:subject:`;
    case 'Restore':
      return $localize`Restored the ${what}:subject:`;
    case 'Remove':
    case 'Delete':
      return $localize`Deleted the ${what}:subject:`;
    default:
      return null;
  }
}
