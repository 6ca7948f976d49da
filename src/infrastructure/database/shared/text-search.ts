/** Escapes LIKE/ILIKE wildcards so user text matches literally (used with `ESCAPE '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Escapes regular-expression syntax so user text matches literally (MongoDB `$regex`). */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
