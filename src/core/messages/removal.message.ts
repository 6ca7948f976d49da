import { TOPICS } from '../ports/message-bus.port';
import { isStringArray, type MessageParse, parsed, payloadObject, rejected } from './message-payload';
import { readTraceContext, type TraceContext, withTraceFields } from './trace-context';

// `featbit-ts-removal` (our addition; FeatBit only deletes its Redis entries, so its evaluation
// servers keep serving a deleted flag until they restart). Removals carry ids only: evaluation
// servers drop the item from memory and push nothing to SDKs, as FeatBit sends no deletion on the
// wire; SDKs lose the item at their next full sync. The optional trace context: ./trace-context.ts.

export type RemovalMessage =
  | { kind: 'flag'; envId: string; flagId: string }
  /** One segment as seen by the environments it applied to (shared segments span several). */
  | { kind: 'segment'; envIds: string[]; segmentId: string }
  /** Deleted environments: their secrets stop working and their connections are closed. */
  | { kind: 'environment'; envIds: string[] }
  /**
   * Relay proxies deleted or changed (scopes, key): evaluation servers re-check their open relay
   * connections at once (docs/relay-proxies.md#revocation-and-scope-changes). Ids only: the key never travels.
   */
  | { kind: 'relay-proxy'; relayProxyIds: string[] };

/** The message text, as the outbox stores and the bus carries it. */
export function removalJson(removal: RemovalMessage, trace?: TraceContext): string {
  return JSON.stringify(withTraceFields(removal, trace));
}

/** Reads a removal from its JSON text or the value a bus decoded. */
export function parseRemovalMessage(payload: unknown): MessageParse<RemovalMessage> {
  const object = payloadObject(TOPICS.removal, payload);
  if (!object.ok) return object;
  const p = object.value;
  const trace = readTraceContext(p);
  switch (p.kind) {
    case 'flag':
      return typeof p.envId === 'string' && typeof p.flagId === 'string'
        ? parsed({ kind: 'flag', envId: p.envId, flagId: p.flagId }, trace)
        : rejected(TOPICS.removal, 'a flag removal needs envId and flagId strings');
    case 'segment':
      return isStringArray(p.envIds) && typeof p.segmentId === 'string'
        ? parsed({ kind: 'segment', envIds: p.envIds, segmentId: p.segmentId }, trace)
        : rejected(TOPICS.removal, 'a segment removal needs envIds (strings) and a segmentId string');
    case 'environment':
      return isStringArray(p.envIds)
        ? parsed({ kind: 'environment', envIds: p.envIds }, trace)
        : rejected(TOPICS.removal, 'an environment removal needs envIds (strings)');
    case 'relay-proxy':
      return isStringArray(p.relayProxyIds)
        ? parsed({ kind: 'relay-proxy', relayProxyIds: p.relayProxyIds }, trace)
        : rejected(TOPICS.removal, 'a relay-proxy removal needs relayProxyIds (strings)');
    default:
      return rejected(TOPICS.removal, 'kind must be flag, segment, environment or relay-proxy');
  }
}
