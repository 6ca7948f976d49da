import {
  conditionError,
  decodeList,
  encodeList,
  inferAttributeType,
  newSegmentCondition,
  operatorsFor,
} from './conditions';

describe('condition editor logic', () => {
  it('offers the semver operators for versions and the date operators for dates', () => {
    expect(operatorsFor('semver').map((o) => o.op)).toEqual([
      'SemVerEqual',
      'SemVerGreaterThan',
      'SemVerLessThan',
    ]);
    expect(operatorsFor('datetime').map((o) => o.op)).toEqual(['Before', 'After']);
    expect(operatorsFor('boolean').map((o) => o.op)).toEqual(['IsTrue', 'IsFalse']);
  });

  it('offers numeric comparisons only for numbers', () => {
    const text = operatorsFor('string').map((o) => o.op);
    const numbers = operatorsFor('number').map((o) => o.op);
    expect(text).not.toContain('BiggerThan');
    expect(numbers).toEqual(expect.arrayContaining(['LessThan', 'BiggerEqualThan', 'IsOneOf', 'Before']));
    expect(text).toEqual(expect.arrayContaining(['Contains', 'MatchRegex', 'SemVerEqual']));
  });

  it('infers the attribute type of a stored condition from its operator', () => {
    expect(inferAttributeType('SemVerLessThan')).toBe('semver');
    expect(inferAttributeType('After')).toBe('datetime');
    expect(inferAttributeType('IsTrue')).toBe('boolean');
    expect(inferAttributeType('BiggerThan')).toBe('number');
    expect(inferAttributeType('Contains')).toBe('string');
    expect(inferAttributeType('NoSuchOperator')).toBe('string');
  });

  it('round-trips list values as a JSON string array and reads legacy plain strings as one item', () => {
    expect(encodeList(['US', 'CA'])).toBe('["US","CA"]');
    expect(decodeList('["US","CA"]')).toEqual(['US', 'CA']);
    expect(decodeList('US')).toEqual(['US']);
    expect(decodeList('')).toEqual([]);
  });

  it('validates values per operator', () => {
    const c = (op: string, value: string) => ({ id: '1', property: 'p', op, value });
    expect(conditionError(c('IsOneOf', '[]'))).toMatch(/at least one value/);
    expect(conditionError(c('IsOneOf', '["a"]'))).toBeNull();
    expect(conditionError(c('LessThan', 'abc'))).toMatch(/number/);
    expect(conditionError(c('LessThan', '4.5'))).toBeNull();
    expect(conditionError(c('MatchRegex', '(unclosed'))).toMatch(/regular expression/);
    expect(conditionError(c('SemVerGreaterThan', '1.2'))).toMatch(/semantic version/);
    expect(conditionError(c('SemVerGreaterThan', '1.2.0-beta.1'))).toBeNull();
    expect(conditionError(c('Before', 'next tuesday'))).toMatch(/ISO-8601/);
    expect(conditionError(c('Before', '2025-01-31T12:00:00Z'))).toBeNull();
    expect(conditionError(c('IsTrue', ''))).toBeNull();
    expect(conditionError({ id: '1', property: '', op: 'Equal', value: 'x' })).toMatch(/property/);
    expect(conditionError({ id: '1', property: 'p', op: 'Nope', value: 'x' })).toMatch(/operator/);
  });

  it('requires at least one segment in a segment condition', () => {
    expect(conditionError(newSegmentCondition('1'))).toMatch(/segment/);
    expect(conditionError(newSegmentCondition('1', ['s1']))).toBeNull();
  });
});
