import { cond, flag, OFF, ON, rule, user } from '../../../test/conformance/flag-builders';
import { EnvironmentEvaluator, evaluateFlag, OPERATORS, type EvaluationOptions } from './index';

/** Whether `attr <op> value` matches for a user whose `attr` is `userValue` (undefined: absent). */
function matches(
  op: string | null,
  value: string,
  userValue: string | null | undefined,
  options?: Partial<EvaluationOptions>,
  attr = 'attr',
): boolean {
  const f = flag({ rules: [rule('r', [cond(attr, op, value)])] });
  const u = user('u1', userValue === undefined ? {} : { [attr]: userValue });
  const result = evaluateFlag(f, u, [], options);
  expect([ON, OFF]).toContain(result.variationId);
  return result.variationId === ON;
}

describe('operators (FeatBit server semantics)', () => {
  // DOTNET ConditionMatcherTests vectors (docs/reference/evaluation.md#operator-vectors).
  it.each<[string, string, string, boolean]>([
    ['10', 'BiggerThan', '9', true],
    ['10', 'BiggerEqualThan', '10', true],
    ['10', 'LessThan', '9', false],
    ['v1.1.0', 'NotEqual', 'v1.0.0', true],
    ['vvip', 'Contains', 'vip', true],
    ['svip', 'NotContain', 'vip', false],
    ['abc', 'StartsWith', 'b', false],
    ['abc', 'EndsWith', 'bc', true],
    ['color', 'MatchRegex', 'colou?r', true],
    ['colour', 'MatchRegex', 'colorr?', false],
    ['colouur', 'NotMatchRegex', 'colou?r', true],
    ['a', 'IsOneOf', '["a", "b"]', true],
    ['c', 'NotOneOf', '["a", "b"]', true],
    ['TRue', 'IsTrue', '', true],
    ['not-true-string', 'IsTrue', '', false],
  ])('%j %s %j → %s', (userValue, op, value, expected) => {
    expect(matches(op, value, userValue)).toBe(expected);
  });

  it('compares numbers like .NET invariant double.TryParse', () => {
    expect(matches('BiggerThan', '999', '1,000')).toBe(true);
    expect(matches('LessEqualThan', '1e3', ' 1000 ')).toBe(true);
    expect(matches('BiggerThan', '1,000', '1e4')).toBe(true);
    expect(matches('LessThan', 'Infinity', '1e308')).toBe(true);
    expect(matches('LessEqualThan', 'Infinity', 'infinity')).toBe(true);
    expect(matches('BiggerThan', '5', '12abc')).toBe(false); // parseFloat would say 12
    expect(matches('NotEqual', '5', '12abc')).toBe(true);
    expect(matches('LessThan', 'abc', '1')).toBe(false);
    expect(matches('BiggerEqualThan', '0', '-0')).toBe(true);
    expect(matches('LessThan', '5', 'NaN')).toBe(false);
    expect(matches('BiggerThan', '5', '')).toBe(false);
  });

  it('is ordinal and case-sensitive for string operators', () => {
    expect(matches('Equal', 'ABC', 'abc')).toBe(false);
    expect(matches('Contains', 'É', 'café')).toBe(false);
    expect(matches('StartsWith', '', 'x')).toBe(true);
    expect(matches('EndsWith', 'e\u0301', 'café')).toBe(false); // no culture-aware folding
    expect(matches('IsOneOf', '["A"]', 'a')).toBe(false);
  });

  it('reads IsTrue / IsFalse case-insensitively and ignores the condition value', () => {
    expect(matches('IsTrue', 'IsTrue', 'TRUE')).toBe(true);
    expect(matches('IsFalse', 'anything', 'fAlSe')).toBe(true);
    expect(matches('IsTrue', '', ' true')).toBe(false);
    expect(matches('IsFalse', '', 'no')).toBe(false);
  });

  it('runs regexes with input = user value, pattern = condition value, search semantics', () => {
    expect(matches('MatchRegex', '^a.c$', 'abc')).toBe(true);
    expect(matches('MatchRegex', 'abc', '^a.c$')).toBe(false);
    expect(matches('MatchRegex', 'b', 'abc')).toBe(true);
    expect(matches('MatchRegex', '/abc/i', 'ABC')).toBe(false); // no JS-literal flag syntax
  });

  it('treats a JSON null list as empty (IsOneOf false, NotOneOf true) and ignores null items', () => {
    expect(matches('IsOneOf', 'null', 'a')).toBe(false);
    expect(matches('NotOneOf', 'null', 'a')).toBe(true);
    expect(matches('IsOneOf', '[null, "a"]', 'a')).toBe(true);
    expect(matches('NotOneOf', '[]', 'a')).toBe(true);
  });

  it('never matches a null name, whatever the operator', () => {
    for (const op of ['Equal', 'NotEqual', 'NotContain', 'NotOneOf', 'NotMatchRegex']) {
      const f = flag({ rules: [rule('r', [cond('name', op, 'x')])] });
      expect(evaluateFlag(f, user('u1', {}, null), []).variationId).toBe(OFF);
      expect(evaluateFlag(f, user('u1'), []).variationId).toBe(OFF);
    }
  });

  it('reads built-ins before custom properties and the first custom property with a name', () => {
    const f = flag({ rules: [rule('r', [cond('keyId', 'Equal', 'real')])] });
    expect(evaluateFlag(f, user('real', { keyId: 'fake' }), []).variationId).toBe(ON);
    const g = flag({ rules: [rule('r', [cond('tier', 'Equal', 'gold')])] });
    const u = {
      keyId: 'u',
      customizedProperties: [
        { name: 'tier', value: 'gold' },
        { name: 'tier', value: 'x' },
      ],
    };
    expect(evaluateFlag(g, u, []).variationId).toBe(ON);
    const blank = flag({ rules: [rule('r', [cond('  ', 'Equal', '')])] });
    expect(evaluateFlag(blank, user('u', { '  ': 'x' }), []).variationId).toBe(ON);
  });

  describe('missing attributes', () => {
    it('read as "" by default, so negated operators match', () => {
      expect(matches('NotEqual', 'US', undefined)).toBe(true);
      expect(matches('NotOneOf', '["US"]', undefined)).toBe(true);
      expect(matches('NotContain', 'US', undefined)).toBe(true);
      expect(matches('NotMatchRegex', 'US', undefined)).toBe(true);
      expect(matches('Equal', '', undefined)).toBe(true);
      expect(matches('MatchRegex', '^$', undefined)).toBe(true);
      expect(matches('Equal', '', null)).toBe(true); // a null value reads as ""
    });

    it("fail every ordinary condition with missingAttribute 'no-match'", () => {
      const noMatch = { missingAttribute: 'no-match' } as const;
      for (const [op, value] of [
        ['NotEqual', 'US'],
        ['NotOneOf', '["US"]'],
        ['NotContain', 'US'],
        ['NotMatchRegex', 'US'],
        ['Equal', ''],
        ['IsFalse', ''],
      ]) {
        expect(matches(op, value, undefined, noMatch)).toBe(false);
      }
      // A present attribute with a null value still reads as "".
      expect(matches('Equal', '', null, noMatch)).toBe(true);
      expect(matches('NotEqual', 'US', 'CA', noMatch)).toBe(true);
    });
  });

  describe('additive operators', () => {
    it('compare semantic versions by precedence; invalid → false', () => {
      expect(matches('SemVerEqual', '1.2.3', '1.2.3+build')).toBe(true);
      expect(matches('SemVerGreaterThan', '1.2.3', '1.10.0')).toBe(true);
      expect(matches('SemVerLessThan', '1.0.0', '1.0.0-rc.1')).toBe(true);
      expect(matches('SemVerGreaterThan', '1.0.0', '1.0')).toBe(false);
      expect(matches('SemVerLessThan', 'not-a-version', '1.0.0')).toBe(false);
    });

    it('compare instants given as ISO-8601 or epoch ms on either side; invalid → false', () => {
      expect(matches('Before', '2024-01-01T00:00:00Z', '2023-12-31T23:59:59Z')).toBe(true);
      expect(matches('After', '1704067200000', '2024-01-01T00:00:00.001Z')).toBe(true);
      expect(matches('After', '2024-01-01', '1704067200000')).toBe(false); // equal instants
      expect(matches('Before', '2024-01-01', 'soon')).toBe(false);
    });
  });

  it('treats an unknown or null operator as non-matching', () => {
    expect(matches('GreaterThan', '1', '2')).toBe(false);
    expect(matches(null, '1', '1')).toBe(false);
    expect(matches('equal', 'x', 'x')).toBe(false); // op names are case-sensitive
  });

  it('lists every operator once with console metadata', () => {
    const names = OPERATORS.map((o) => o.op);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(21);
    expect(OPERATORS.filter((o) => !o.featbit).map((o) => o.op)).toEqual([
      'SemVerEqual',
      'SemVerGreaterThan',
      'SemVerLessThan',
      'Before',
      'After',
    ]);
    for (const o of OPERATORS) expect(o.offeredFor.length).toBeGreaterThan(0);
    // Every listed operator is implemented (a matching value exists for it).
    const sample: Record<string, [string, string]> = {
      IsOneOf: ['["a"]', 'a'],
      NotOneOf: ['["a"]', 'b'],
      Equal: ['a', 'a'],
      NotEqual: ['a', 'b'],
      Contains: ['a', 'xax'],
      NotContain: ['a', 'b'],
      StartsWith: ['a', 'ab'],
      EndsWith: ['b', 'ab'],
      MatchRegex: ['a+', 'aa'],
      NotMatchRegex: ['a', 'b'],
      LessThan: ['2', '1'],
      LessEqualThan: ['1', '1'],
      BiggerThan: ['1', '2'],
      BiggerEqualThan: ['1', '1'],
      IsTrue: ['', 'true'],
      IsFalse: ['', 'false'],
      SemVerEqual: ['1.0.0', '1.0.0'],
      SemVerGreaterThan: ['1.0.0', '2.0.0'],
      SemVerLessThan: ['2.0.0', '1.0.0'],
      Before: ['2000', '1000'],
      After: ['1000', '2000'],
    };
    for (const o of OPERATORS) expect(matches(o.op, ...sample[o.op])).toBe(true);
  });

  it('uses the same semantics through EnvironmentEvaluator.evaluate', () => {
    const ev = new EnvironmentEvaluator();
    ev.setFlags([flag({ rules: [rule('r', [cond('n', 'BiggerThan', '1,000')])] })]);
    expect(ev.evaluate('test-flag', user('u', { n: '1e4' }))?.variationId).toBe(ON);
    expect(ev.evaluate('test-flag', user('u', { n: '999' }))?.variationId).toBe(OFF);
    expect(ev.evaluate('no-such-flag', user('u'))).toBeNull();
  });
});
