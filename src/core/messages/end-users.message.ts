import type { EndUser, UserProperty } from '../end-users/end-user';
import { TOPICS } from '../ports/message-bus.port';
import type { EndUserUpsert } from '../ports/users-and-events.repositories';
import { type MessageParse, parsed, payloadObject, rejected } from './message-payload';

// `featbit-endusers`: `{envId, keyId, name, customizedProperties}`, one per end user an SDK showed
// an environment (docs/reference/wire-protocol.md#internal-topics). Published by the evaluation
// role, consumed by the analytics role.

export interface EndUserMessage {
  envId: string;
  keyId: string;
  name: string;
  customizedProperties: UserProperty[];
}

/** The message for a user seen in an environment. */
export function endUserMessage(envId: string, user: EndUser): EndUserMessage {
  return {
    envId,
    keyId: user.keyId,
    name: user.name ?? '',
    customizedProperties: user.customizedProperties ?? [],
  };
}

function propertyText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/**
 * Reads an end-user message into the upsert it asks for. Lenient where FeatBit's producers differ:
 * a missing name is null, unnamed properties are skipped, non-text values are null.
 */
export function parseEndUserMessage(payload: unknown): MessageParse<EndUserUpsert> {
  const object = payloadObject(TOPICS.endUsers, payload);
  if (!object.ok) return object;
  const p = object.value;
  if (typeof p.envId !== 'string') return rejected(TOPICS.endUsers, 'envId must be a string');
  if (typeof p.keyId !== 'string' || p.keyId.trim() === '') {
    return rejected(TOPICS.endUsers, 'keyId must be a non-blank string');
  }
  const props: UserProperty[] = [];
  if (Array.isArray(p.customizedProperties)) {
    for (const item of p.customizedProperties as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const { name, value } = item as Record<string, unknown>;
      if (typeof name !== 'string' || name === '') continue;
      props.push({ name, value: propertyText(value) });
    }
  }
  return parsed({
    envId: p.envId,
    keyId: p.keyId,
    name: typeof p.name === 'string' ? p.name : null,
    customizedProperties: props,
  });
}
