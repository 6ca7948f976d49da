import { MAX_JSON_DEPTH } from '../json/bounded-json';
import { endUserMessage, parseEndUserMessage } from './end-users.message';

describe('featbit-endusers message', () => {
  it('builds the message for a user seen in an environment', () => {
    expect(endUserMessage('env', { keyId: 'u1' })).toEqual({
      envId: 'env',
      keyId: 'u1',
      name: '',
      customizedProperties: [],
    });
  });

  it('reads back what it builds, from its text or a decoded value', () => {
    const message = endUserMessage('env', {
      keyId: 'u1',
      name: 'Ann',
      customizedProperties: [{ name: 'plan', value: 'pro' }],
    });
    const expected = { ok: true, value: message };
    expect(parseEndUserMessage(JSON.stringify(message))).toEqual(expected);
    expect(parseEndUserMessage(message)).toEqual(expected);
  });

  it('is lenient with names and properties, as FeatBit producers differ', () => {
    expect(
      parseEndUserMessage({
        envId: 'env',
        keyId: 'u1',
        customizedProperties: [
          { name: 'n', value: 3 },
          { name: 'b', value: true },
          { value: 'x' },
          null,
          { name: 'o', value: {} },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        envId: 'env',
        keyId: 'u1',
        name: null,
        customizedProperties: [
          { name: 'n', value: '3' },
          { name: 'b', value: 'true' },
          { name: 'o', value: null },
        ],
      },
    });
  });

  it('refuses a wrong shape', () => {
    for (const payload of [null, 'x', [], { envId: 1, keyId: 'u1' }, { envId: 'e', keyId: '  ' }]) {
      const result = parseEndUserMessage(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-endusers: /);
    }
  });

  it('refuses a document nested too deep', () => {
    const text = `{"envId":"e","keyId":"u","customizedProperties":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(parseEndUserMessage(text)).toEqual({
      ok: false,
      error: `featbit-endusers: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('names a missing field', () => {
    expect(parseEndUserMessage({ envId: 'env' })).toEqual({
      ok: false,
      error: 'featbit-endusers: keyId must be a non-blank string',
    });
  });
});
