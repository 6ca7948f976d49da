import { parseInstant } from './instant';
import { compareSemVer, parseSemVer } from './semver';

function cmp(a: string, b: string): number {
  return Math.sign(compareSemVer(parseSemVer(a)!, parseSemVer(b)!));
}

describe('semver', () => {
  it('orders the semver.org §11 example chain', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(cmp(chain[i], chain[i + 1])).toBe(-1);
      expect(cmp(chain[i + 1], chain[i])).toBe(1);
    }
  });

  it('ignores build metadata, accepts a leading v and compares huge numbers exactly', () => {
    expect(cmp('1.0.0+build.1', '1.0.0+other')).toBe(0);
    expect(cmp('v1.2.3', '1.2.3')).toBe(0);
    expect(cmp('1.0.0-1', '1.0.0-a')).toBe(-1);
    expect(cmp('99999999999999999999.0.0', '99999999999999999998.0.0')).toBe(1);
    expect(cmp('1.10.0', '1.9.0')).toBe(1);
  });

  it.each(['1', '1.2', '01.2.3', '1.02.3', '1.2.3-01', '1.2.3-', '1.2.3+', ' 1.2.3', '1.2.3.4', 'a.b.c', ''])(
    'rejects %j',
    (text) => {
      expect(parseSemVer(text)).toBeNull();
    },
  );
});

describe('parseInstant', () => {
  it.each<[string, number]>([
    ['1700000000000', 1700000000000],
    ['-1000', -1000],
    ['2024-01-01', Date.UTC(2024, 0, 1)],
    ['2024-01-01T12:30:00Z', Date.UTC(2024, 0, 1, 12, 30)],
    ['2024-01-01T12:30Z', Date.UTC(2024, 0, 1, 12, 30)],
    ['2024-01-01T12:30:00', Date.UTC(2024, 0, 1, 12, 30)],
    ['2024-01-01T12:30:00.1234567Z', Date.UTC(2024, 0, 1, 12, 30, 0, 123)],
    ['2024-01-01T12:30:00+02:00', Date.UTC(2024, 0, 1, 10, 30)],
    ['2024-01-01T12:30:00-0130', Date.UTC(2024, 0, 1, 14, 0)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['0050-06-01T00:00:00Z', Date.parse('0050-06-01T00:00:00Z')], // years below 100 stay as written
  ])('%j → %d', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2023-02-29',
    '2024-13-01',
    '2024-01-01T24:00:00Z',
    '2024-01-01T12:60Z',
    '1.5',
    '12345678901234567',
    '2024-01-01T12:00:00+25:00',
    ' 2024-01-01',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});
