import { createEnvironmentSecret, encodeGuid, envIdFromSecret } from './secret-format';

describe('environment secret format', () => {
  it('decodes the env id of FeatBit test secrets', () => {
    expect(envIdFromSecret('gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3w')).toBe(
      'ad99d259-1f50-4ed9-a002-7c65e25487df',
    );
    expect(envIdFromSecret('v3faJy3RCUO8d-EJiVdN6waRfGjfNan02Ms9c0LiTD6w')).toBe(
      '8dc61769-5af3-4d9f-8cb3-d7342e24c3eb',
    );
  });

  it('round-trips a generated secret and keeps it URL-safe and 44 chars', () => {
    const envId = '0b6f1a3e-9c2d-4e5f-8a7b-6c5d4e3f2a1b';
    const secret = createEnvironmentSecret(envId, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(secret).toHaveLength(44);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(envIdFromSecret(secret)).toBe(envId);
  });

  it('encodes with .NET byte order', () => {
    // 00112233-4455-6677-8899-aabbccddeeff → bytes 33 22 11 00 55 44 77 66 88 99 aa bb cc dd ee ff
    expect(encodeGuid('00112233-4455-6677-8899-aabbccddeeff')).toBe(
      Buffer.from('33221100554477668899aabbccddeeff', 'hex').toString('base64url').slice(0, 22),
    );
  });

  it.each([
    ['empty', ''],
    ['too short', 'gpnOV3wI3kKAO9q9viC0wQ'],
    ['too long', 'gpnOV3wI3kKAO9q9viC0wQWdKZrVAf2U6gAnxl4lSH3wX'],
    ['bad alphabet', 'gpnOV3wI3kKAO9q9viC0wQ!dKZrVAf2U6gAnxl4lSH3w'],
    ['empty guid', 'gpnOV3wI3kKAO9q9viC0wQ' + 'A'.repeat(22)],
  ])('rejects a malformed secret (%s)', (_label, secret) => {
    expect(envIdFromSecret(secret)).toBeNull();
  });
});
