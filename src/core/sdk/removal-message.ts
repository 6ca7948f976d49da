// `featbit-ts-removal` payloads (our addition; FeatBit only deletes its Redis entries, so its
// evaluation servers keep serving a deleted flag until they restart). Removals carry ids only:
// evaluation servers drop the item from memory and push nothing to SDKs, as FeatBit sends no
// deletion on the wire; SDKs lose the item at their next full sync.

export type RemovalMessage =
  | { kind: 'flag'; envId: string; flagId: string }
  /** One segment as seen by the environments it applied to (shared segments span several). */
  | { kind: 'segment'; envIds: string[]; segmentId: string }
  /** Deleted environments: their secrets stop working and their connections are closed. */
  | { kind: 'environment'; envIds: string[] };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The message, or null when the payload is not a removal this version understands. */
export function parseRemovalMessage(payload: unknown): RemovalMessage | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  switch (p.kind) {
    case 'flag':
      return typeof p.envId === 'string' && typeof p.flagId === 'string'
        ? { kind: 'flag', envId: p.envId, flagId: p.flagId }
        : null;
    case 'segment':
      return isStringArray(p.envIds) && typeof p.segmentId === 'string'
        ? { kind: 'segment', envIds: p.envIds, segmentId: p.segmentId }
        : null;
    case 'environment':
      return isStringArray(p.envIds) ? { kind: 'environment', envIds: p.envIds } : null;
    default:
      return null;
  }
}
