import type { FeatureFlag } from '../flags/feature-flag';
import {
  type EvaluateFilter,
  evaluateResponseItem,
  flagPassesFilter,
  parseEvaluateRequest,
} from './evaluate-request';

const user = { keyId: 'u1', name: 'Bob', customizedProperties: [] };

describe('/featureflag/evaluate request', () => {
  it('reads user and filter', () => {
    expect(
      parseEvaluateRequest({ user, filter: { tagFilterMode: 'or', tags: ['a'], keys: ['k'], timestamp: 5 } }),
    ).toEqual({ ok: true, user, filter: { tagMode: 'or', tags: ['a'], keys: ['k'], timestamp: 5 } });
    expect(parseEvaluateRequest({ user })).toEqual({
      ok: true,
      user,
      filter: { tagMode: null, tags: [], keys: [], timestamp: 0 },
    });
  });

  it.each([
    [{}, 'A valid user is required.'],
    [{ user: { keyId: '' } }, 'A valid user is required.'],
    [
      { user, filter: { tagFilterMode: 'AND' } },
      "Invalid tag filter mode: AND. Valid values are 'and' or 'or'.",
    ],
    [{ user, filter: { tags: [1] } }, 'filter.tags must be an array of strings'],
    [{ user, filter: 'x' }, 'filter must be an object'],
  ])('rejects %j', (body, error) => {
    expect(parseEvaluateRequest(body)).toEqual({ ok: false, error });
  });

  it('filters by keys, tags (and / or) and timestamp', () => {
    const flag = { key: 'k1', tags: ['a', 'b'] } as unknown as FeatureFlag;
    const base: EvaluateFilter = { tagMode: null, tags: [], keys: [], timestamp: 0 };
    expect(flagPassesFilter(flag, 10, { ...base, tags: ['zzz'] })).toBe(true);
    expect(flagPassesFilter(flag, 10, { ...base, keys: ['k2'] })).toBe(false);
    expect(flagPassesFilter(flag, 10, { ...base, tagMode: 'and', tags: ['a', 'c'] })).toBe(false);
    expect(flagPassesFilter(flag, 10, { ...base, tagMode: 'or', tags: ['a', 'c'] })).toBe(true);
    expect(flagPassesFilter(flag, 10, { ...base, timestamp: 10 })).toBe(false);
    expect(flagPassesFilter(flag, 11, { ...base, timestamp: 10 })).toBe(true);
  });

  it('answers in FeatBit shape', () => {
    const flag = { key: 'k1', variationType: 'boolean' } as unknown as FeatureFlag;
    expect(
      evaluateResponseItem(flag, {
        variationId: 'v',
        value: 'true',
        reason: 'default',
        sendToExperiment: true,
      }),
    ).toEqual({
      key: 'k1',
      variation: { id: 'v', type: 'boolean', value: 'true', matchReason: 'default', sendToExperiment: true },
    });
  });
});
