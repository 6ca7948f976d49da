/**
 * Insight event properties travel as JSON text. Valid JSON is kept as it is; anything else is
 * stored as a JSON string holding the text, so a bad event never fails its whole batch and
 * every provider hands back valid JSON.
 */
export function normalizeEventProperties(text: string): string {
  if (typeof text !== 'string') return JSON.stringify(text ?? null);
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(text);
  }
}
