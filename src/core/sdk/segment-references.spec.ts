import type { FeatureFlag } from '../flags/feature-flag';
import { referencedSegmentIds } from './segment-references';

describe('referencedSegmentIds', () => {
  it('collects ids from segment conditions of every rule, once each', () => {
    const flag = {
      rules: [
        {
          conditions: [
            { property: 'User is in segment', op: null, value: '["s1","s2"]' },
            { property: 'country', op: 'Equal', value: '["s9"]' },
          ],
        },
        { conditions: [{ property: 'User is not in segment', op: null, value: '["s2","s3"]' }] },
        { conditions: [{ property: 'User is in segment', op: null, value: 'not json' }] },
        { conditions: null },
      ],
    } as unknown as FeatureFlag;
    expect(referencedSegmentIds(flag)).toEqual(['s1', 's2', 's3']);
  });

  it('returns nothing for malformed flags', () => {
    expect(referencedSegmentIds({} as FeatureFlag)).toEqual([]);
    expect(referencedSegmentIds(null as unknown as FeatureFlag)).toEqual([]);
  });
});
