import { flagInstructions, type Instruction } from '../flags/flag-instructions';
import type { FeatureFlag } from '../flags/feature-flag';
import { segmentInstructions } from '../segments/segment-instructions';
import type { Segment } from '../segments/segment';
import type { AuditDataChange, AuditRefType } from './audit-log';

const IGNORED = new Set(['updatedAt', 'revision', 'updatorId']);

function parse(text: string): Record<string, unknown> | null {
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

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Field-by-field changes of any object (environments, projects, members, policies …). */
export function fieldInstructions(
  previous: Record<string, unknown> | null,
  current: Record<string, unknown> | null,
): Instruction[] {
  if (!previous && current) return [{ kind: 'Create', value: current, text: 'created' }];
  if (previous && !current) return [{ kind: 'Remove', value: previous, text: 'removed' }];
  if (!previous || !current) return [];
  const out: Instruction[] = [];
  for (const field of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    if (IGNORED.has(field)) continue;
    const before = previous[field];
    const after = current[field];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    out.push({
      kind: 'UpdateField',
      value: { field, previous: before ?? null, current: after ?? null },
      text: `${field}: ${short(before)} → ${short(after)}`,
    });
  }
  return out;
}

/** Readable change lines of an audit entry (FeatBit's "instructions"), computed from its before/after. */
export function auditInstructions(refType: AuditRefType, change: AuditDataChange): Instruction[] {
  const previous = parse(change.previous);
  const current = parse(change.current);
  switch (refType) {
    case 'FeatureFlag':
      return flagInstructions(previous as FeatureFlag | null, current as FeatureFlag | null);
    case 'Segment':
      return segmentInstructions(previous as Segment | null, current as Segment | null);
    default:
      return fieldInstructions(previous, current);
  }
}
