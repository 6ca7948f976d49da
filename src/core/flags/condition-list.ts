/**
 * The value of a multi-value operator (IsOneOf, NotOneOf) or a segment condition: a JSON-encoded
 * string array, shared by the audit texts and the console's condition editor.
 */
export function decodeList(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map((v) => String(v));
  } catch {
    // Older data may hold a plain string: treat it as one item.
  }
  return [value];
}

export function encodeList(values: readonly string[]): string {
  return JSON.stringify(values);
}
