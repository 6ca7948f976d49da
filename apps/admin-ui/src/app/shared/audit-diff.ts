import { auditDiff } from '@domain/audit/audit-diff';
import type { AuditInstruction } from '@domain/audit/audit-instruction';
import { flagDiff } from '@domain/audit/flag-diff';
import { instructionEffect, type InstructionEffect, instructionText } from '@domain/audit/instruction-text';
import { segmentDiff } from '@domain/audit/segment-diff';
import type { AuditLogEntry, FeatureFlag, Segment } from '../api/api.models';
import { CONSOLE_INSTRUCTIONS } from './instruction-text';

// The console's change lists are the core's instructions (src/core/audit/), rendered by the core with
// the console's phrasebook (./instruction-text.ts); the fallback for entries without a visible change
// is console-specific.

export type ChangeKind = InstructionEffect;

/** One line of a human-readable change list. */
export interface Change {
  kind: ChangeKind;
  text: string;
}

/** Looks up segment names for segment conditions; ids are shown when unknown. */
export type SegmentNames = (id: string) => string;

function toChanges(instructions: readonly AuditInstruction[], segmentName?: SegmentNames): Change[] {
  return instructions.map((i) => ({
    kind: instructionEffect(i),
    text: instructionText(i, { segmentName, phrases: CONSOLE_INSTRUCTIONS }),
  }));
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
    CONSOLE_INSTRUCTIONS.subject[
      entry.refType === 'Segment' ? 'segment' : entry.refType === 'FeatureFlag' ? 'flag' : 'resource'
    ];
  return [{ kind: 'update', text: operationText(entry.operation, what) ?? $localize`No visible change` }];
}

const OPERATION_LABELS: Readonly<Record<string, string>> = {
  Create: $localize`:audit log operation:Create`,
  Update: $localize`:audit log operation:Update`,
  Archive: $localize`:audit log operation:Archive`,
  Restore: $localize`:audit log operation:Restore`,
  Remove: $localize`:audit log operation:Remove`,
  Delete: $localize`:audit log operation:Delete`,
  ApplyFlagChangeRequest: $localize`:audit log operation:Apply change request`,
  ApplyFlagSchedule: $localize`:audit log operation:Apply schedule`,
};

/** An audit entry's operation as its badge shows it; unknown ones as they are. */
export function operationLabel(operation: string): string {
  return Object.hasOwn(OPERATION_LABELS, operation) ? OPERATION_LABELS[operation] : operation;
}

/** "Archived the flag": what an entry without a visible change did. */
function operationText(operation: string, what: string): string | null {
  switch (operation) {
    case 'Create':
      return CONSOLE_INSTRUCTIONS.created(what, null);
    case 'Archive':
      return CONSOLE_INSTRUCTIONS.archived(what);
    case 'Restore':
      return CONSOLE_INSTRUCTIONS.restored(what);
    case 'Remove':
    case 'Delete':
      return CONSOLE_INSTRUCTIONS.deleted(what);
    default:
      return null;
  }
}
