import { createHash } from 'node:crypto';
import { bucketOf, coversEveryBucket, dispatchBucket, isInRollout } from './dispatch';
import { md5Int32LE } from './md5';

// docs/reference/evaluation.md#bucket-vectors: every listed vector.
const VECTORS: [string, number, number][] = [
  ['test-value', 314684291, 0.14653629204258323],
  ['qKPKh1S3FolC', 1955481364, 0.9105919692665339],
  ['3eacb184-2d79-49df-9ea7-edd4f10e4c6f', 193153337, 0.08994403155520558],
  ['return-10p-true3db19c81-e149-4b97-8a0d-79d34531fe59', 1327455631, 0.6181446979753673],
  ['my-flaguser-1', -830257051, 0.3866185671649873],
  ['my-flaguser-2', -857384273, 0.39925066428259015],
  ['my-flaguser-3', -1873034772, 0.8721997831016779],
  ['checkout-v2user-123', -1480986578, 0.6896381163969636],
  ['feature-xbob', -1663034606, 0.774410835467279],
  ['flag-ü用户-1', -876305065, 0.4080613446421921],
  ['my-flag', 1786046042, 0.8316924991086125],
  ['exptreturn-10p-true3db19c81-e149-4b97-8a0d-79d34531fe59', -225064037, 0.10480360919609666],
  ['exptmy-flaguser-1', -448408311, 0.2088063913397491],
];

function referenceInt(key: string): number {
  return createHash('md5').update(Buffer.from(key, 'utf8')).digest().readInt32LE(0);
}

describe('MD5 bucketing', () => {
  it.each(VECTORS)('%s → int32 %d, bucket %d', (key, int, bucket) => {
    expect(md5Int32LE(key)).toBe(int);
    expect(dispatchBucket(key)).toBe(bucket);
  });

  it('splits prefix and suffix anywhere without changing the hash', () => {
    for (const [key, int] of VECTORS) {
      for (let cut = 0; cut <= key.length; cut++) {
        expect(md5Int32LE(key.slice(0, cut), key.slice(cut))).toBe(int);
      }
    }
  });

  it('agrees with node:crypto on lengths across block boundaries and on non-ASCII text', () => {
    const alphabet = ['a', 'Z', '9', '-', 'é', 'ß', '用', '😀', '\u0000', '\ud800', '\udc00', '\uffff'];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let len = 0; len < 200; len++) {
      let key = '';
      for (let i = 0; i < len; i++) key += alphabet[next() % alphabet.length];
      const cut = next() % (key.length + 1);
      expect(md5Int32LE(key.slice(0, cut), key.slice(cut))).toBe(referenceInt(key));
    }
  });

  it('encodes lone surrogates as U+FFFD, including one split across the boundary', () => {
    expect(md5Int32LE('a\ud800', 'b')).toBe(referenceInt('a\ufffdb'));
    expect(md5Int32LE('a\ud83d', '\ude00b')).toBe(referenceInt('a😀b'));
    expect(md5Int32LE('\udc00x')).toBe(referenceInt('\ufffdx'));
  });

  it('maps n = INT_MIN to bucket 1 and 0 to 0 through the formula', () => {
    expect(Math.abs(-2147483648 / -2147483648)).toBe(1);
    expect(bucketOf('test-', 'value')).toBe(0.14653629204258323);
  });
});

describe('isInRollout', () => {
  it('uses the full-range shortcut when lo is 0 and 1 - hi < 1e-5', () => {
    expect(isInRollout('qKPKh1S3FolC', 0, 0.99999)).toBe(true); // bucket 0.91 would also be inside
    expect(isInRollout('qKPKh1S3FolC', 0, 0.999995)).toBe(true);
    expect(isInRollout('my-flaguser-3', 0, 0.8)).toBe(false); // 0.872 > 0.8, no shortcut
  });

  it('never matches [0, 0] and includes both ends', () => {
    expect(isInRollout('my-flag', 0, 0)).toBe(false);
    const b = dispatchBucket('my-flaguser-1');
    expect(isInRollout('my-flaguser-1', b, 0.5)).toBe(true);
    expect(isInRollout('my-flaguser-1', 0.1, b)).toBe(true);
    expect(isInRollout('my-flaguser-1', 0.1, b - 1e-12)).toBe(false);
  });
});

describe('coversEveryBucket', () => {
  it('accepts contiguous UI-style intervals including float sums', () => {
    expect(
      coversEveryBucket([
        [0, 0.1 + 0.2],
        [0.1 + 0.2, 1],
      ]),
    ).toBe(true);
    expect(coversEveryBucket([[0, 1]])).toBe(true);
    expect(
      coversEveryBucket([
        [0.5, 1],
        [0, 0.5],
      ]),
    ).toBe(true);
  });

  it('detects a gap only when it holds a bucket value k / 2^31', () => {
    expect(
      coversEveryBucket([
        [0, 0.5],
        [0.6, 1],
      ]),
    ).toBe(false);
    expect(
      coversEveryBucket([
        [0, 0.3],
        [0.30000000000000004, 1],
      ]),
    ).toBe(true); // no k/2^31 between
    expect(
      coversEveryBucket([
        [0, 0.5],
        [0.5 + 2 ** -31, 1],
      ]),
    ).toBe(true);
    expect(
      coversEveryBucket([
        [0, 0.5],
        [0.5 + 2 ** -30, 1],
      ]),
    ).toBe(false);
    expect(coversEveryBucket([[0, 0.9]])).toBe(false);
    expect(coversEveryBucket([[0.1, 1]])).toBe(false);
    expect(coversEveryBucket([])).toBe(false);
  });
});
