import { buildCsv } from './csv';

describe('CSV', () => {
  it('writes a header and rows, CRLF-terminated', () => {
    expect(
      buildCsv(
        ['KeyId', 'Count'],
        [
          ['u1', 3],
          ['u2', 0],
        ],
      ),
    ).toBe('KeyId,Count\r\nu1,3\r\nu2,0\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles their quotes', () => {
    expect(buildCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], ['plain']])).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\nplain\r\n',
    );
  });

  it('writes null and undefined as empty fields', () => {
    expect(buildCsv(['a', 'b', 'c'], [[null, undefined, '']])).toBe('a,b,c\r\n,,\r\n');
  });
});
