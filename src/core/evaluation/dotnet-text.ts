// .NET string predicates the FeatBit server relies on, reproduced exactly.

/** .NET `char.IsWhiteSpace`: Unicode Zs/Zl/Zp plus U+0009–U+000D, U+0085 and U+00A0. */
export function isDotnetWhiteSpace(code: number): boolean {
  if (code <= 0xff) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  }
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** .NET `string.IsNullOrWhiteSpace`. */
export function isNullOrWhiteSpace(value: string | null | undefined): boolean {
  if (value == null) return true;
  for (let i = 0; i < value.length; i++) {
    if (!isDotnetWhiteSpace(value.charCodeAt(i))) return false;
  }
  return true;
}

/** .NET `ReadOnlySpan<char>.Trim()` (char.IsWhiteSpace at both ends). */
export function dotnetTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isDotnetWhiteSpace(value.charCodeAt(start))) start++;
  while (end > start && isDotnetWhiteSpace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/**
 * .NET `Equals(other, StringComparison.OrdinalIgnoreCase)` against an upper-case ASCII literal.
 * The length check first keeps JS's multi-character upper-case expansions (e.g. "ß") out.
 */
export function equalsIgnoreCaseAscii(value: string, upperLiteral: string): boolean {
  return value.length === upperLiteral.length && value.toUpperCase() === upperLiteral;
}
