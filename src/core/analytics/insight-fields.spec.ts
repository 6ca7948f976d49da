import type { InsightEvent } from '../insights/insight-event';
import { insightFields } from './insight-fields';

const ENV = '7b1a0c52-4f1e-4f0e-9c41-3f5c8f0f9a11';
const base: InsightEvent = {
  uuid: 'u',
  distinctId: `${ENV}-new-flow`,
  envId: ENV,
  event: 'FlagValue',
  properties: '{}',
  timestamp: 1,
};

describe('insightFields', () => {
  it('reads flag, variation, user and name of a flag evaluation (tag_0, tag_1, tag_3)', () => {
    const e = {
      ...base,
      properties: JSON.stringify({ tag_0: 'bob', tag_1: 'v2', tag_2: 'true', tag_3: 'Bob' }),
    };
    expect(insightFields(e)).toEqual({
      flagKey: 'new-flow',
      variationId: 'v2',
      userKey: 'bob',
      userName: 'Bob',
    });
  });

  it('reads the user of a metric event (tag_0, tag_2) and no flag', () => {
    const e = {
      ...base,
      event: 'CustomEvent',
      distinctId: 'clicked',
      properties: JSON.stringify({ tag_0: 'k', tag_1: '1.5', tag_2: 'Kim' }),
    };
    expect(insightFields(e)).toEqual({ flagKey: null, variationId: null, userKey: 'k', userName: 'Kim' });
  });

  it('gives nulls for properties that are not a JSON object, and no flag for a foreign distinct id', () => {
    for (const properties of ['not json', '[1]', 'null', '"text"']) {
      expect(insightFields({ ...base, properties })).toEqual({
        flagKey: null,
        variationId: null,
        userKey: null,
        userName: null,
      });
    }
    expect(
      insightFields({ ...base, distinctId: 'other-env-flag', properties: '{"tag_1":"v"}' }).flagKey,
    ).toBeNull();
    expect(insightFields({ ...base, properties: '{"tag_0":5,"tag_1":"v"}' }).userKey).toBeNull();
  });
});
