import type { AuditLogEntry, FeatureFlag, Segment } from '../api/api.models';
import { type Change, diffFlags, type SegmentNames } from './flag-changes';
import { diffSegments } from './segment-changes';

function parse<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as T) : null;
  } catch {
    return null;
  }
}

const OPERATION_TEXT: Record<string, string> = {
  Create: 'Created',
  Archive: 'Archived',
  Restore: 'Restored',
  Remove: 'Deleted',
  Delete: 'Deleted',
};

/**
 * An audit entry as a readable change list: the semantic diff of the before/after documents for
 * flags and segments, and a changed-fields list for anything else.
 */
export function describeAuditEntry(entry: AuditLogEntry, segmentName?: SegmentNames): Change[] {
  const previous = parse<Record<string, unknown>>(entry.dataChange?.previous);
  const current = parse<Record<string, unknown>>(entry.dataChange?.current);
  const what =
    entry.refType === 'Segment' ? 'segment' : entry.refType === 'FeatureFlag' ? 'flag' : 'resource';

  if (!previous && current) {
    const name = typeof current['name'] === 'string' ? ` “${current['name']}”` : '';
    return [{ kind: 'add', text: `Created the ${what}${name}` }];
  }
  if (previous && !current) return [{ kind: 'remove', text: `Deleted the ${what}` }];
  if (!previous || !current) {
    const verb = OPERATION_TEXT[entry.operation] ?? entry.operation;
    return [{ kind: 'update', text: `${verb} the ${what}` }];
  }

  let changes: Change[];
  if (entry.refType === 'FeatureFlag') {
    changes = diffFlags(previous as unknown as FeatureFlag, current as unknown as FeatureFlag, segmentName);
  } else if (entry.refType === 'Segment') {
    changes = diffSegments(previous as unknown as Segment, current as unknown as Segment);
  } else {
    changes = changedFields(previous, current);
  }
  if (changes.length === 0) {
    const verb = OPERATION_TEXT[entry.operation];
    return [{ kind: 'update', text: verb ? `${verb} the ${what}` : 'No visible change' }];
  }
  return changes;
}

// Bookkeeping fields that change on every write and say nothing to a reader.
const NOISE = new Set(['revision', 'updatedAt', 'updatorId', 'version']);

export function changedFields(previous: Record<string, unknown>, current: Record<string, unknown>): Change[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(current)]);
  const changes: Change[] = [];
  for (const key of keys) {
    if (NOISE.has(key)) continue;
    const a = JSON.stringify(previous[key]);
    const b = JSON.stringify(current[key]);
    if (a === b) continue;
    if (a === undefined) changes.push({ kind: 'add', text: `Set ${key} to ${b}` });
    else if (b === undefined) changes.push({ kind: 'remove', text: `Removed ${key}` });
    else changes.push({ kind: 'update', text: `Changed ${key} from ${a} to ${b}` });
  }
  return changes;
}
