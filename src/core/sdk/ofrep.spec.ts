import type { EvalResult } from '../evaluation';
import type { FeatureFlag } from '../flags/feature-flag';
import { flagNotFound, ofrepContextToUser, ofrepEvaluation, ofrepReason, typedValue } from './ofrep';

function flag(partial: Partial<FeatureFlag>): FeatureFlag {
  return {
    key: 'f',
    variationType: 'string',
    variations: [
      { id: 'v1', name: 'blue', value: 'b' },
      { id: 'v2', name: '', value: 'g' },
    ],
    rules: [
      {
        id: 'r1',
        name: 'beta users',
        dispatchKey: null,
        includedInExpt: false,
        conditions: [],
        variations: [{ id: 'v1', rollout: [0, 1], exptRollout: 1 }],
      },
      {
        id: 'r2',
        name: 'half',
        dispatchKey: null,
        includedInExpt: false,
        conditions: [],
        variations: [
          { id: 'v1', rollout: [0, 0.5], exptRollout: 1 },
          { id: 'v2', rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    ],
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: 'v2', rollout: [0, 1], exptRollout: 1 }],
    },
    ...partial,
  } as FeatureFlag;
}

const served = (variationId: string, value: string, reason: string): EvalResult => ({
  variationId,
  value,
  reason,
  sendToExperiment: false,
});

describe('OFREP mapping', () => {
  it('maps the context to a FeatBit user', () => {
    expect(
      ofrepContextToUser({
        context: { targetingKey: 'u1', name: 'Ann', country: 'us', age: 30, vip: true, tags: ['a'], x: null },
      }),
    ).toEqual({
      ok: true,
      user: {
        keyId: 'u1',
        name: 'Ann',
        customizedProperties: [
          { name: 'country', value: 'us' },
          { name: 'age', value: '30' },
          { name: 'vip', value: 'true' },
          { name: 'tags', value: '["a"]' },
          { name: 'x', value: null },
        ],
      },
    });
  });

  it.each([
    [{}, 'TARGETING_KEY_MISSING'],
    [undefined, 'TARGETING_KEY_MISSING'],
    [{ context: { targetingKey: '  ' } }, 'TARGETING_KEY_MISSING'],
    [{ context: { targetingKey: 5 } }, 'INVALID_CONTEXT'],
    [{ context: 'x' }, 'INVALID_CONTEXT'],
    [[], 'INVALID_CONTEXT'],
    [{ context: { targetingKey: 'u', name: 1 } }, 'INVALID_CONTEXT'],
  ])('rejects %j with %s', (body, code) => {
    const result = ofrepContextToUser(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errorCode).toBe(code);
  });

  it('maps reasons, recognising percentage splits', () => {
    const f = flag({});
    expect(ofrepReason(f, 'flag disabled')).toBe('DISABLED');
    expect(ofrepReason(f, 'targeted')).toBe('TARGETING_MATCH');
    expect(ofrepReason(f, 'beta users')).toBe('TARGETING_MATCH');
    expect(ofrepReason(f, 'half')).toBe('SPLIT');
    expect(ofrepReason(f, 'default')).toBe('DEFAULT');
    expect(
      ofrepReason(
        flag({
          fallthrough: {
            dispatchKey: null,
            includedInExpt: true,
            variations: [
              { id: 'v1', rollout: [0, 0.2], exptRollout: 1 },
              { id: 'v2', rollout: [0.2, 1], exptRollout: 1 },
            ],
          },
        }),
        'default',
      ),
    ).toBe('SPLIT');
  });

  it('types values by variationType', () => {
    expect(typedValue('boolean', 'TRUE')).toBe(true);
    expect(typedValue('boolean', 'false')).toBe(false);
    expect(typedValue('boolean', 'yes')).toBeUndefined();
    expect(typedValue('number', '42.5')).toBe(42.5);
    expect(typedValue('number', '')).toBeUndefined();
    expect(typedValue('number', 'abc')).toBeUndefined();
    expect(typedValue('json', '{"a":[1]}')).toEqual({ a: [1] });
    expect(typedValue('json', '{bad')).toBeUndefined();
    expect(typedValue('string', 'x')).toBe('x');
  });

  it('builds a success with variant name (or id) and FeatBit metadata', () => {
    expect(ofrepEvaluation(flag({}), served('v1', 'b', 'beta users'))).toEqual({
      key: 'f',
      value: 'b',
      reason: 'TARGETING_MATCH',
      variant: 'blue',
      metadata: { matchReason: 'beta users', sendToExperiment: false, variationId: 'v1' },
    });
    expect(ofrepEvaluation(flag({}), served('v2', 'g', 'default'))).toMatchObject({
      variant: 'v2',
      reason: 'DEFAULT',
    });
    expect(ofrepEvaluation(flag({ variationType: 'number' }), served('v2', '7', 'default'))).toMatchObject({
      value: 7,
    });
  });

  it('fails with PARSE_ERROR for a value that does not match the type, GENERAL when nothing is served', () => {
    expect(ofrepEvaluation(flag({ variationType: 'boolean' }), served('v1', 'b', 'default'))).toMatchObject({
      key: 'f',
      errorCode: 'PARSE_ERROR',
    });
    expect(ofrepEvaluation(flag({}), served('', '', 'default'))).toMatchObject({ errorCode: 'GENERAL' });
    expect(
      ofrepEvaluation(flag({}), {
        variationId: null,
        value: null,
        reason: 'malformed flag',
        sendToExperiment: false,
        error: 'bad',
      }),
    ).toMatchObject({ errorCode: 'GENERAL', errorDetails: expect.stringContaining('bad') });
  });

  it('describes a missing flag', () => {
    expect(flagNotFound('nope')).toMatchObject({ key: 'nope', errorCode: 'FLAG_NOT_FOUND' });
  });
});
