import { checkSdkUser, parseSdkUser, userSignature } from './sdk-user';

describe('SDK user', () => {
  it('reads the wire user', () => {
    expect(
      parseSdkUser({ keyId: 'u1', name: 'Bob', customizedProperties: [{ name: 'country', value: 'us' }] }),
    ).toEqual({ keyId: 'u1', name: 'Bob', customizedProperties: [{ name: 'country', value: 'us' }] });
  });

  it('reads property names case-insensitively, as .NET Web defaults do', () => {
    expect(
      parseSdkUser({ KeyId: 'u1', Name: null, CustomizedProperties: [{ Name: 'a', Value: 'b' }] }),
    ).toEqual({
      keyId: 'u1',
      name: null,
      customizedProperties: [{ name: 'a', value: 'b' }],
    });
  });

  it('writes number and boolean property values as text and keeps null', () => {
    expect(
      parseSdkUser({
        keyId: 'u1',
        customizedProperties: [
          { name: 'age', value: 42 },
          { name: 'vip', value: true },
          { name: 'none', value: null },
        ],
      })?.customizedProperties,
    ).toEqual([
      { name: 'age', value: '42' },
      { name: 'vip', value: 'true' },
      { name: 'none', value: null },
    ]);
  });

  it.each([
    [null, false],
    ['u1', false],
    [{}, true],
    [{ keyId: '   ' }, true],
    [{ keyId: 5 }, false],
    [{ keyId: 'u', name: 3 }, false],
    [{ keyId: 'u', customizedProperties: {} }, false],
    [{ keyId: 'u', customizedProperties: [{ value: 'x' }] }, false],
    [{ keyId: 'u', customizedProperties: [{ name: 'x', value: { a: 1 } }] }, false],
  ])('rejects %p (missing key: %p)', (raw, missingKey) => {
    const check = checkSdkUser(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.missingKey).toBe(missingKey);
    expect(parseSdkUser(raw)).toBeNull();
  });

  it('signs users by everything evaluation reads', () => {
    const a = parseSdkUser({ keyId: 'u1', name: 'A' })!;
    const b = parseSdkUser({ keyId: 'u1', name: 'B' })!;
    expect(userSignature(a)).toBe(userSignature(parseSdkUser({ keyId: 'u1', name: 'A' })!));
    expect(userSignature(a)).not.toBe(userSignature(b));
  });
});
