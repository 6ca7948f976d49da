import { envIdFromSecret } from '../tenancy/secret-format';
import {
  buildStreamingToken,
  decodeStreamingToken,
  decodeTokenNumber,
  encodeTokenNumber,
  isTokenFresh,
} from './streaming-token';

describe('streaming token codec', () => {
  it.each([
    ['QQQ', 0],
    ['QWS', 23],
    ['BWZ', 128],
    ['WHH', 255],
    ['BDDBXZPZPXSDQ', 1661784847360],
    ['BWSPHDXZUQ', 1234567890],
  ])('decodes the published digit vector %s = %d', (text, value) => {
    expect(decodeTokenNumber(text)).toBe(value);
  });

  it('reads an empty or blank span as 0 and rejects characters outside the alphabet', () => {
    expect(decodeTokenNumber('')).toBe(0);
    expect(decodeTokenNumber('  ')).toBe(0);
    expect(decodeTokenNumber('Q1S')).toBeNull();
    expect(decodeTokenNumber('qws')).toBeNull();
  });

  it('encodes left-padded and cut to the width', () => {
    expect(encodeTokenNumber(23, 3)).toBe('QWS');
    expect(encodeTokenNumber(13, 2)).toBe('BS');
    expect(encodeTokenNumber(1234, 2)).toBe('SP');
    expect(encodeTokenNumber(1661784847360, 13)).toBe('BDDBXZPZPXSDQ');
  });

  it('decodes the published client token (15-digit timestamp)', () => {
    const decoded = decodeStreamingToken('QWSBHgpnOV3wI3kKAO9q9viC0wQWQQBDDDQBZWPXDQSdKZrVAf2U6gAnxl4lSH3w');
    expect(decoded).toEqual({
      secret: 'gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3w',
      timestamp: 1666018247603,
    });
    expect(envIdFromSecret(decoded!.secret)).toBe('ad99d259-1f50-4ed9-a002-7c65e25487df');
  });

  it('decodes the published server token', () => {
    const decoded = decodeStreamingToken('QBPBHv3faJy3RCUO8d-QQBDDDQBZZQQXHPEJiVdN6waRfGjfNan02Ms9c0LiTD6w');
    expect(decoded).toEqual({
      secret: 'v3faJy3RCUO8d-EJiVdN6waRfGjfNan02Ms9c0LiTD6w',
      timestamp: 1666018800754,
    });
    expect(envIdFromSecret(decoded!.secret)).toBe('8dc61769-5af3-4d9f-8cb3-d7342e24c3eb');
  });

  it.each([[''], [' '], [null], [undefined], ['4chs'], ['5chars'], ['QDUBHYWVkLWNiZT'], ['QQQQS123'], [42]])(
    'rejects %p',
    (token) => {
      expect(decodeStreamingToken(token)).toBeNull();
    },
  );

  it('rejects a position above 255, a payload too short and a secret that is not 44 chars', () => {
    const secret = 'gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3w';
    expect(decodeStreamingToken('WHD' + 'BS' + secret + 'BDDBXZPZPXSDQ')).toBeNull();
    expect(decodeStreamingToken('QWSBS' + secret.slice(0, 10))).toBeNull();
    expect(
      decodeStreamingToken('QWSBS' + secret.slice(0, 23) + 'BDDBXZPZPXSDQ' + secret.slice(23, 40)),
    ).toBeNull();
  });

  it('pads a secret shorter than a multiple of 4 with = (then it is no longer a valid secret)', () => {
    const secret43 = 'gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3';
    const decoded = decodeStreamingToken(
      'QWSBS' + secret43.slice(0, 23) + 'BDDBXZPZPXSDQ' + secret43.slice(23),
    );
    expect(decoded?.secret).toBe(secret43 + '=');
    expect(envIdFromSecret(decoded!.secret)).toBeNull();
  });

  it('round-trips what the SDKs build, for every insertion position', () => {
    const secret = 'gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3w';
    const now = 1712755780494;
    for (let i = 0; i < 44; i++) {
      const token = buildStreamingToken(secret, now, () => i / 44);
      expect(token).toHaveLength(62);
      expect(decodeStreamingToken(token)).toEqual({ secret, timestamp: now });
    }
  });

  it('accepts a token within ±expiry seconds only', () => {
    expect(isTokenFresh(1_000_000, 1_030_000, 30)).toBe(true);
    expect(isTokenFresh(1_000_000, 970_000, 30)).toBe(true);
    expect(isTokenFresh(1_000_000, 1_030_001, 30)).toBe(false);
    expect(isTokenFresh(1_030_001, 1_000_000, 30)).toBe(false);
  });
});
