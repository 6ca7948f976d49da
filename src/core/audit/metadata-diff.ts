import type { AuditInstruction } from './audit-instruction';

/** What flags and segments both carry: archived state, name, description and tags. */
export interface MetadataVersion {
  name: string;
  description?: string;
  isArchived?: boolean;
  tags?: readonly string[];
}

/** Adds and removals between two string lists, as FeatBit's Add…/Remove… instructions list them. */
export function listDelta(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

/**
 * The instructions for the parts a flag and a segment share, in the order both diffs list them:
 * archive or restore, name, description, tags.
 */
export function metadataDiff(
  of: 'flag' | 'segment',
  before: MetadataVersion,
  after: MetadataVersion,
): AuditInstruction[] {
  const out: AuditInstruction[] = [];
  if (Boolean(before.isArchived) !== Boolean(after.isArchived)) {
    const archived = Boolean(after.isArchived);
    const [archive, restore] =
      of === 'flag'
        ? (['ArchiveFlag', 'RestoreFlag'] as const)
        : (['ArchiveSegment', 'RestoreSegment'] as const);
    out.push({ of, kind: archived ? archive : restore, value: archived, before: !archived, after: archived });
  }
  if (before.name !== after.name)
    out.push({ of, kind: 'UpdateName', value: after.name, before: before.name, after: after.name });
  if ((before.description ?? '') !== (after.description ?? '')) {
    const [was, now] = [before.description ?? '', after.description ?? ''];
    out.push({ of, kind: 'UpdateDescription', value: now, before: was, after: now });
  }
  const tags = listDelta(before.tags ?? [], after.tags ?? []);
  if (tags.added.length) out.push({ of, kind: 'AddTags', value: tags.added, after: tags.added });
  if (tags.removed.length) out.push({ of, kind: 'RemoveTags', value: tags.removed, before: tags.removed });
  return out;
}
