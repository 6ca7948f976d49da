import { negotiateEncoding } from './accept-encoding';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', 'identity'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['gzip ; q=0.3, identity;q=0.2', 'gzip'],
    ['gzip;q=0.5, identity', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['*, br;q=0', 'gzip'],
    ['identity;q=0, gzip', 'gzip'],
    ['identity;q=0', 'identity'],
    ['*;q=0', 'identity'],
    ['gzip;q=2, br;q=abc', 'identity'],
    ['gzip;level=9', 'gzip'],
    ['identity', 'identity'],
    ['identity;q=0.5, gzip;q=0.5', 'gzip'],
  ])('%p → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('reads repeated header lines as one list', () => {
    expect(negotiateEncoding(['gzip;q=0.5', 'br;q=0.9'])).toBe('br');
  });
});
