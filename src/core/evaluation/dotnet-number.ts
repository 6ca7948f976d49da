import { dotnetTrim, equalsIgnoreCaseAscii } from './dotnet-text';

// FeatBit's server compares numbers with .NET `double.TryParse(s, NumberStyles.Float |
// NumberStyles.AllowThousands, CultureInfo.InvariantCulture)`. This scanner accepts exactly that
// grammar: [ws][sign]digits-with-','-groups[.digits][e[sign]digits][ws][NUL...], where ws is
// U+0009–U+000D or U+0020, a ',' is only allowed after a digit and before the '.', and the
// number needs at least one digit. Otherwise "Infinity", "-Infinity", "+Infinity" and "NaN"
// (case-insensitive, trimmed) are recognised. The validated text is then converted by Number(),
// which, like .NET Core 3.0+, rounds correctly and overflows to ±Infinity.

function isWhite(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Parses like .NET's invariant `double.TryParse` (Float | AllowThousands); NaN when it fails. */
export function parseDotnetDouble(text: string): number {
  const n = text.length;
  let i = 0;
  while (i < n && isWhite(text.charCodeAt(i))) i++;
  const start = i;
  let code = text.charCodeAt(i);
  if (code === 0x2b || code === 0x2d) i++; // '+' / '-'; no whitespace may follow the sign
  let digits = false;
  let groups = false;
  while (i < n) {
    code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits = true;
    } else if (code === 0x2c && digits) {
      groups = true;
    } else {
      break;
    }
    i++;
  }
  if (i < n && text.charCodeAt(i) === 0x2e) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) {
      digits = true;
      i++;
    }
  }
  if (!digits) return parseSymbols(text);
  code = text.charCodeAt(i);
  if (code === 0x65 || code === 0x45) {
    // An 'e' without digits is not consumed, which then makes the whole parse fail.
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j++;
    if (j < n && isDigit(text.charCodeAt(j))) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  const end = i;
  while (i < n && isWhite(text.charCodeAt(i))) i++;
  while (i < n && text.charCodeAt(i) === 0) i++;
  if (i !== n) return parseSymbols(text);
  let body = start === 0 && end === n ? text : text.slice(start, end);
  if (groups) body = body.replace(/,/g, '');
  return Number(body);
}

function parseSymbols(text: string): number {
  let t = dotnetTrim(text);
  if (equalsIgnoreCaseAscii(t, 'INFINITY')) return Infinity;
  if (equalsIgnoreCaseAscii(t, '-INFINITY')) return -Infinity;
  if (t.charCodeAt(0) === 0x2b) {
    t = t.slice(1);
    if (equalsIgnoreCaseAscii(t, 'INFINITY')) return Infinity;
  }
  // "NaN", "+NaN" and "-NaN" parse in .NET, but a NaN never compares, so they fail like text.
  return NaN;
}
