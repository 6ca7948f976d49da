/** FeatBit's provider values are PascalCase (`Postgres`, `None`): map them case-insensitively. */
export const caseInsensitive =
  (table: Record<string, string>) =>
  (raw: string): string | undefined =>
    table[raw.trim().toLowerCase()];
