import { parseDotnetDouble } from './dotnet-number';
import { isNullOrWhiteSpace } from './dotnet-text';

// .NET invariant double.TryParse(NumberStyles.Float | NumberStyles.AllowThousands).
describe('parseDotnetDouble', () => {
  it.each<[string, number]>([
    ['10', 10],
    ['-10', -10],
    ['+10', 10],
    ['1,000', 1000],
    ['1,000,000.5', 1000000.5],
    ['1,00,0', 1000],
    ['1,', 1],
    ['1,,2', 12],
    ['  42  ', 42],
    ['\t\n42\r\v\f', 42],
    ['42\u0000\u0000', 42],
    ['42 \u0000', 42],
    ['1e3', 1000],
    ['1E+3', 1000],
    ['2.5e-3', 0.0025],
    ['.5', 0.5],
    ['5.', 5],
    ['-.5', -0.5],
    ['1.e2', 100],
    ['007', 7],
    ['1e400', Infinity],
    ['-1e400', -Infinity],
    ['1e-400', 0],
    ['Infinity', Infinity],
    ['infinity', Infinity],
    ['  INFINITY ', Infinity],
    ['+Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['-infinity', -Infinity],
    ['0.1', 0.1],
    ['123456789012345678901234567890', 1.2345678901234568e29],
  ])('%j → %d', (text, expected) => {
    expect(parseDotnetDouble(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '12abc',
    '1.000,5',
    ',5',
    '- 5',
    '5-',
    '--5',
    '+-5',
    '0x10',
    '1e',
    '1e+',
    '1 000',
    '.',
    '1..2',
    '(5)',
    '$5',
    '5 %',
    '\u00a05',
    '5\u0000 ',
    'NaN',
    '-NaN',
    '∞',
    '１２',
    '1_000',
    'Infinity1',
    '+ Infinity',
  ])('%j is not a number', (text) => {
    expect(parseDotnetDouble(text)).toBeNaN();
  });

  it('keeps -0 equal to 0 for comparisons', () => {
    expect(parseDotnetDouble('-0') === 0).toBe(true);
  });
});

describe('isNullOrWhiteSpace', () => {
  it('uses .NET char.IsWhiteSpace', () => {
    expect(isNullOrWhiteSpace(null)).toBe(true);
    expect(isNullOrWhiteSpace('')).toBe(true);
    expect(isNullOrWhiteSpace(' \t\u00a0\u2003\u3000\u0085\u2028')).toBe(true);
    expect(isNullOrWhiteSpace('\ufeff')).toBe(false); // BOM is not white space in .NET
    expect(isNullOrWhiteSpace('\u200b')).toBe(false);
    expect(isNullOrWhiteSpace(' a ')).toBe(false);
  });
});
