import { SEGMENT_IN } from '../flags/feature-flag';
import { describeCondition } from './instruction-text';

describe('describeCondition', () => {
  it('names the property, the operator and the values', () => {
    expect(describeCondition({ property: 'country', op: 'IsOneOf', value: '["US","CA"]' })).toBe(
      'country is one of US, CA',
    );
  });

  it('leaves the value out for operators that take none', () => {
    expect(describeCondition({ property: 'beta', op: 'IsTrue', value: '' })).toBe('beta is true');
  });

  it('names segments through the lookup it is given', () => {
    expect(
      describeCondition({ property: SEGMENT_IN, op: null, value: '["s1"]' }, (id) =>
        id === 's1' ? 'Beta' : id,
      ),
    ).toBe('User is in segment Beta');
  });

  it('reads a plain string left by older data as one item', () => {
    expect(describeCondition({ property: 'plan', op: 'IsOneOf', value: 'pro' })).toBe('plan is one of pro');
  });
});
