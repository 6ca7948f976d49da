// FeatBit's data-analytics server formats its numbers with numpy and Python; these reproduce those
// strings exactly so FeatBit's console and scripts read the same text (docs/experiments.md#statistics).

/**
 * numpy `format_float_positional(value, precision=5, trim='-')`, FeatBit's `utils.format_float_positional`
 * (modules/data-analytics/utils/__init__.py): the exact binary value rounded half-to-even to 5 decimals,
 * trailing zeros and point trimmed, the sign kept on a value that rounds to zero ("-0").
 */
export function formatFloatPositional(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  let fixed = abs.toFixed(5);
  if (abs < 1e15) {
    // toFixed breaks exact ties upward; numpy breaks them to even. toFixed(100) is the exact expansion.
    const exact = abs.toFixed(100);
    const cut = exact.indexOf('.') + 6;
    if (/^50*$/.test(exact.slice(cut)) && Number(exact[cut - 1]) % 2 === 0) fixed = exact.slice(0, cut);
  }
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return negative ? `-${trimmed}` : trimmed;
}

/** Python's `repr(float)` (what an f-string prints): shortest digits, '.0' on integers, 'e-05' exponents. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const text = Object.is(value, -0) ? '-0' : String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}
