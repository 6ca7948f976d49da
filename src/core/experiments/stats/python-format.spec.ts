import reference from '../../../../test/reference/experiments/modules.expected.json';
import { formatFloatPositional, pythonFloatRepr } from './python-format';

// numpy.format_float_positional(precision=5, trim='-') and repr(float) outputs from
// test/reference/experiments/reference.py.

describe('FeatBit number strings', () => {
  it.each(reference.format)('formats $value as numpy does ($text)', ({ value, text }) => {
    expect(formatFloatPositional(value)).toBe(text);
  });

  it.each(reference.format)('prints $value as Python repr ($repr)', ({ value, repr }) => {
    expect(pythonFloatRepr(value)).toBe(repr);
  });
});
