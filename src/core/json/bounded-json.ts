// JSON from outside the process with a bounded nesting depth. V8's JSON.parse copes with any depth,
// but everything recursive afterwards (JSON.stringify, validators, class-transformer) overflows the
// stack on deep input, and a RangeError thrown from a socket callback ends the process. A plain
// character scan before JSON.parse is used instead of a streaming parser library: it adds one tight
// pass over text that is usually a few hundred bytes, on the SDK hot path.

/** Deepest nesting of arrays and objects accepted from outside (real SDK payloads use under 10). */
export const MAX_JSON_DEPTH = 64;

export type BoundedJsonResult =
  { ok: true; value: unknown } | { ok: false; reason: 'syntax' | 'depth'; message: string };

/** The message for input nested deeper than `maxDepth` (shared by every caller's 400 answer). */
export function tooDeepMessage(maxDepth: number = MAX_JSON_DEPTH): string {
  return `JSON nested deeper than ${maxDepth} levels`;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * True when the brackets and braces outside strings nest deeper than `maxDepth`. Malformed text is
 * not judged here (JSON.parse rejects it); only the nesting is counted.
 */
export function jsonTextExceedsDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}

/** JSON.parse for outside input: deeper than `maxDepth` is refused before anything recurses on it. */
export function parseBoundedJson(text: string, maxDepth: number = MAX_JSON_DEPTH): BoundedJsonResult {
  if (jsonTextExceedsDepth(text, maxDepth)) {
    return { ok: false, reason: 'depth', message: tooDeepMessage(maxDepth) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, reason: 'syntax', message: err instanceof Error ? err.message : 'invalid JSON' };
  }
}

/**
 * True when an already parsed value nests deeper than `maxDepth` (for bodies another parser
 * produced). Iterative, so it is safe on any depth; it stops at the first level over the bound.
 */
export function valueExceedsDepth(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let level: object[] = [value];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > maxDepth) return true;
    const next: object[] = [];
    for (const node of level) {
      for (const child of Array.isArray(node) ? node : Object.values(node)) {
        if (typeof child === 'object' && child !== null) next.push(child as object);
      }
    }
    level = next;
  }
  return false;
}
