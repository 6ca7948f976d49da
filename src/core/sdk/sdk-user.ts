import type { EndUser, UserProperty } from '../end-users/end-user';

// The user (evaluation context) as SDKs send it (docs/reference/data-model.md#end-user):
// {keyId, name, customizedProperties:[{name, value}]}. Property names are read case-insensitively
// (FeatBit deserializes with .NET "Web" defaults). FeatBit rejects non-string property values; we
// also accept numbers and booleans, written as their text, because every value is a string to the
// evaluator anyway.

function field(obj: Record<string, unknown>, lowerName: string): unknown {
  if (lowerName in obj) return obj[lowerName];
  for (const key of Object.keys(obj)) {
    if (key.toLowerCase() === lowerName) return obj[key];
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a property whatever the case of its name (first exact, then case-insensitive). */
export function fieldOf(obj: Record<string, unknown>, name: string): unknown {
  return name in obj ? obj[name] : field(obj, name.toLowerCase());
}

/** A property value as text: strings as they are, numbers and booleans as text, null kept. */
export function propertyValueText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** True when `keyId` is a string with a non-whitespace character (FeatBit's EndUser.IsValid). */
export function isValidKeyId(keyId: unknown): keyId is string {
  return typeof keyId === 'string' && keyId.trim() !== '';
}

export type UserCheck =
  | { ok: true; user: EndUser }
  /** `missingKey`: the shape is fine but keyId is absent or blank (FeatBit skips such users). */
  | { ok: false; missingKey: boolean; problem: string };

/** Validates a user and says why it is not one. */
export function checkSdkUser(raw: unknown): UserCheck {
  if (!isRecord(raw)) return { ok: false, missingKey: false, problem: 'the user must be an object' };
  const name = field(raw, 'name');
  if (name !== undefined && name !== null && typeof name !== 'string') {
    return { ok: false, missingKey: false, problem: 'user.name must be a string' };
  }
  const props = field(raw, 'customizedproperties');
  const customizedProperties: UserProperty[] = [];
  if (props !== undefined && props !== null) {
    if (!Array.isArray(props)) {
      return { ok: false, missingKey: false, problem: 'user.customizedProperties must be an array' };
    }
    for (const item of props as unknown[]) {
      if (!isRecord(item) || typeof field(item, 'name') !== 'string') {
        return {
          ok: false,
          missingKey: false,
          problem: 'user.customizedProperties items must be {name: string, value: string}',
        };
      }
      const value = propertyValueText(field(item, 'value'));
      if (value === undefined) {
        return { ok: false, missingKey: false, problem: 'user.customizedProperties values must be strings' };
      }
      customizedProperties.push({ name: field(item, 'name') as string, value });
    }
  }
  const keyId = field(raw, 'keyid');
  if (keyId !== undefined && keyId !== null && typeof keyId !== 'string') {
    return { ok: false, missingKey: false, problem: 'user.keyId must be a string' };
  }
  if (!isValidKeyId(keyId)) return { ok: false, missingKey: true, problem: 'user.keyId is required' };
  return { ok: true, user: { keyId, name: name ?? null, customizedProperties } };
}

/** The user an SDK sent, or null when it is not a valid user. */
export function parseSdkUser(raw: unknown): EndUser | null {
  const check = checkSdkUser(raw);
  return check.ok ? check.user : null;
}

/** A stable text identifying everything evaluation can read from the user (cache key). */
export function userSignature(user: EndUser): string {
  return JSON.stringify([user.keyId, user.name ?? null, user.customizedProperties ?? []]);
}
