// Operator cases: every operator with its edge cases (docs/reference/evaluation.md#attribute-lookup,
// docs/reference/evaluation.md#operators, server
// semantics), plus the additive SemVer*/Before/After operators (docs/evaluation.md).
import { c, one, opCase, rule, served, u, wireFlag, type ConformanceCase, ON, OFF } from './conformance-case';

const NO_MATCH = { missingAttribute: 'no-match' } as const;

function isOneOf(): ConformanceCase[] {
  return [
    opCase('member', 'IsOneOf', '["cn","us"]', 'us', 'match'),
    opCase('non-member', 'IsOneOf', '["cn","us"]', 'fr', 'no-match'),
    opCase('case-sensitive membership', 'IsOneOf', '["US"]', 'us', 'no-match'),
    opCase('whitespace inside the JSON', 'IsOneOf', ' [ "a" , "b" ] ', 'b', 'match'),
    opCase('user value is not trimmed', 'IsOneOf', '["a"]', ' a', 'no-match'),
    opCase('empty list', 'IsOneOf', '[]', 'a', 'no-match'),
    opCase('JSON null list never matches', 'IsOneOf', 'null', 'a', 'no-match'),
    opCase('null items are ignored', 'IsOneOf', '[null,"a"]', 'a', 'match'),
    opCase('unicode members', 'IsOneOf', '["用户","ü"]', 'ü', 'match'),
    opCase('escaped quote in a member', 'IsOneOf', '["a\\"b"]', 'a"b', 'match'),
    opCase('missing attribute reads as "" and "" is a member', 'IsOneOf', '["","x"]', undefined, 'match'),
    opCase('missing attribute reads as ""', 'IsOneOf', '["x"]', undefined, 'no-match'),
    opCase('missing attribute with no-match option', 'IsOneOf', '[""]', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('value is not JSON', 'IsOneOf', 'cn,us', 'cn', 'malformed'),
    opCase('list of numbers', 'IsOneOf', '[1,2]', '1', 'malformed'),
    opCase('JSON string instead of a list', 'IsOneOf', '"cn"', 'cn', 'malformed'),
    opCase('JSON object', 'IsOneOf', '{"a":1}', 'a', 'malformed'),
    opCase('trailing comma', 'IsOneOf', '["a",]', 'a', 'malformed'),
    opCase('nested list', 'IsOneOf', '[["a"]]', 'a', 'malformed'),
    opCase('single quotes', 'IsOneOf', "['a']", 'a', 'malformed'),
    opCase('null name never reaches the malformed list', 'IsOneOf', 'garbage', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
  ];
}

function notOneOf(): ConformanceCase[] {
  return [
    opCase('non-member', 'NotOneOf', '["a","b"]', 'c', 'match'),
    opCase('member', 'NotOneOf', '["a","b"]', 'a', 'no-match'),
    opCase('case differs', 'NotOneOf', '["a"]', 'A', 'match'),
    opCase('JSON null list always matches', 'NotOneOf', 'null', 'a', 'match'),
    opCase('empty list', 'NotOneOf', '[]', 'a', 'match'),
    opCase('missing attribute reads as ""', 'NotOneOf', '["x"]', undefined, 'match'),
    opCase('missing attribute, "" is a member', 'NotOneOf', '[""]', undefined, 'no-match'),
    opCase('missing attribute with no-match option', 'NotOneOf', '["x"]', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('value is not JSON', 'NotOneOf', 'a,b', 'c', 'malformed'),
    opCase('list of booleans', 'NotOneOf', '[true]', 'c', 'malformed'),
    opCase('null name', 'NotOneOf', '["x"]', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
  ];
}

function equality(): ConformanceCase[] {
  const twoTiers = {
    keyId: 'user-op',
    customizedProperties: [
      { name: 'attr', value: 'gold' },
      { name: 'attr', value: 'silver' },
    ],
  };
  return [
    opCase('exact', 'Equal', 'v1', 'v1', 'match'),
    opCase('case-sensitive', 'Equal', 'v1', 'V1', 'no-match'),
    opCase('no trimming', 'Equal', 'v1', 'v1 ', 'no-match'),
    opCase('missing attribute equals ""', 'Equal', '', undefined, 'match'),
    opCase('present attribute is not ""', 'Equal', '', 'x', 'no-match'),
    opCase('ordinal: NFC is not NFD', 'Equal', 'é', 'e\u0301', 'no-match'),
    opCase('strings, not numbers', 'Equal', '1', '1.0', 'no-match'),
    opCase('null property value reads as ""', 'Equal', '', null, 'match'),
    opCase('missing attribute with no-match option', 'Equal', '', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('null property value with no-match option still reads as ""', 'Equal', '', null, 'match', {
      options: NO_MATCH,
    }),
    opCase('built-in keyId', 'Equal', 'user-op', undefined, 'match', { attr: 'keyId' }),
    opCase('built-in keyId beats a custom "keyId"', 'Equal', 'fake', undefined, 'no-match', {
      attr: 'keyId',
      user: u('real', { keyId: 'fake' }),
    }),
    opCase('built-in name', 'Equal', 'Alice', undefined, 'match', {
      attr: 'name',
      user: u('user-op', {}, 'Alice'),
    }),
    opCase('built-in name beats a custom "name"', 'Equal', 'Bob', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', { name: 'Bob' }, 'Alice'),
    }),
    opCase('null name never matches', 'Equal', '', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
    opCase('absent name never matches', 'Equal', '', undefined, 'no-match', { attr: 'name' }),
    opCase('first custom property with the name wins', 'Equal', 'silver', undefined, 'no-match', {
      user: twoTiers,
    }),
    opCase('property names are case-sensitive', 'Equal', 'gold', undefined, 'no-match', {
      attr: 'Tier',
      user: u('user-op', { tier: 'gold' }),
    }),
    opCase('blank property reads as ""', 'Equal', '', undefined, 'match', {
      attr: '  ',
      user: u('user-op', { '  ': 'x' }),
    }),
    opCase('NotEqual vector', 'NotEqual', 'v1.0.0', 'v1.1.0', 'match'),
    opCase('NotEqual equal values', 'NotEqual', 'x', 'x', 'no-match'),
    opCase('NotEqual missing attribute matches', 'NotEqual', 'US', undefined, 'match'),
    opCase('NotEqual missing attribute vs ""', 'NotEqual', '', undefined, 'no-match'),
    opCase('NotEqual missing attribute with no-match option', 'NotEqual', 'US', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('NotEqual present attribute with no-match option', 'NotEqual', 'US', 'CA', 'match', {
      options: NO_MATCH,
    }),
    opCase('NotEqual null name', 'NotEqual', 'x', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
    opCase('NotEqual case differs', 'NotEqual', 'abc', 'ABC', 'match'),
  ];
}

function substrings(): ConformanceCase[] {
  return [
    opCase('vector', 'Contains', 'vip', 'vvip', 'match'),
    opCase('case-sensitive', 'Contains', 'vip', 'VIP', 'no-match'),
    opCase('empty needle', 'Contains', '', 'abc', 'match'),
    opCase('needle longer than value', 'Contains', 'abc', 'ab', 'no-match'),
    opCase('missing attribute', 'Contains', 'a', undefined, 'no-match'),
    opCase('missing attribute, empty needle', 'Contains', '', undefined, 'match'),
    opCase('unicode', 'Contains', '户', '用户组', 'match'),
    opCase('missing attribute with no-match option', 'Contains', '', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('vector', 'NotContain', 'vip', 'svip', 'no-match'),
    opCase('absent needle', 'NotContain', 'x', 'abc', 'match'),
    opCase('missing attribute matches', 'NotContain', 'x', undefined, 'match'),
    opCase('missing attribute with no-match option', 'NotContain', 'x', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('empty needle', 'NotContain', '', 'abc', 'no-match'),
    opCase('vector', 'StartsWith', 'b', 'abc', 'no-match'),
    opCase('prefix', 'StartsWith', 'ab', 'abc', 'match'),
    opCase('empty prefix', 'StartsWith', '', 'abc', 'match'),
    opCase('case-sensitive', 'StartsWith', 'ab', 'ABC', 'no-match'),
    opCase('missing attribute', 'StartsWith', 'a', undefined, 'no-match'),
    opCase('missing attribute, empty prefix', 'StartsWith', '', undefined, 'match'),
    opCase('vector', 'EndsWith', 'bc', 'abc', 'match'),
    opCase('not a suffix', 'EndsWith', 'ab', 'abc', 'no-match'),
    opCase('empty suffix', 'EndsWith', '', 'abc', 'match'),
    opCase('case-sensitive', 'EndsWith', '.pdf', 'file.PDF', 'no-match'),
    opCase('missing attribute', 'EndsWith', 'x', undefined, 'no-match'),
  ];
}

function regexes(): ConformanceCase[] {
  return [
    opCase('vector colou?r', 'MatchRegex', 'colou?r', 'color', 'match'),
    opCase('vector colorr?', 'MatchRegex', 'colorr?', 'colour', 'no-match'),
    opCase('anchored', 'MatchRegex', '^a.c$', 'abc', 'match'),
    opCase('input is the user value, pattern the condition value', 'MatchRegex', 'abc', '^a.c$', 'no-match'),
    opCase('search semantics (not anchored)', 'MatchRegex', 'abc', 'xxabcxx', 'match'),
    opCase('explicit anchors', 'MatchRegex', '^abc$', 'xabc', 'no-match'),
    opCase('case-sensitive by default', 'MatchRegex', 'abc', 'ABC', 'no-match'),
    opCase('character class and quantifier', 'MatchRegex', '[0-9]{3}', 'a123', 'match'),
    opCase('email suffix', 'MatchRegex', '@example\\.com$', 'ann@example.com', 'match'),
    opCase('escaped dot is literal', 'MatchRegex', '@example\\.com$', 'ann@exampleXcom', 'no-match'),
    opCase('invalid pattern "("', 'MatchRegex', '(', 'abc', 'malformed'),
    opCase('invalid pattern "[a-"', 'MatchRegex', '[a-', 'abc', 'malformed'),
    opCase('missing attribute is "" (^$ matches)', 'MatchRegex', '^$', undefined, 'match'),
    opCase('missing attribute is ""', 'MatchRegex', 'a', undefined, 'no-match'),
    opCase('missing attribute with no-match option', 'MatchRegex', '^$', undefined, 'no-match', {
      options: NO_MATCH,
    }),
    opCase('null name never reaches an invalid pattern', 'MatchRegex', '(', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
    opCase('"/abc/i" is a literal pattern, not flags', 'MatchRegex', '/abc/i', 'ABC', 'no-match'),
    opCase('"/abc/i" matches its own text', 'MatchRegex', '/abc/i', 'x/abc/i', 'match'),
    opCase('vector colouur', 'NotMatchRegex', 'colou?r', 'colouur', 'match'),
    opCase('matching value', 'NotMatchRegex', 'colou?r', 'color', 'no-match'),
    opCase('missing attribute matches', 'NotMatchRegex', 'a', undefined, 'match'),
    opCase('invalid pattern', 'NotMatchRegex', '(', 'abc', 'malformed'),
    opCase('missing attribute with no-match option', 'NotMatchRegex', 'a', undefined, 'no-match', {
      options: NO_MATCH,
    }),
  ];
}

function numbers(): ConformanceCase[] {
  return [
    opCase('numeric, not lexicographic', 'BiggerThan', '9', '10', 'match'),
    opCase('equal', 'BiggerEqualThan', '10', '10', 'match'),
    opCase('vector', 'LessThan', '9', '10', 'no-match'),
    opCase('less or equal', 'LessEqualThan', '10', '9', 'match'),
    opCase('equal is not less', 'LessThan', '10', '10', 'no-match'),
    opCase('user value with thousands separator', 'BiggerThan', '999', '1,000', 'match'),
    opCase('condition value with thousands separator', 'BiggerEqualThan', '1,000', '1000', 'match'),
    opCase('separators and decimals', 'BiggerThan', '1,234.5', '1234.6', 'match'),
    opCase('irregular groups', 'LessEqualThan', '1000', '1,0,00', 'match'),
    opCase('trailing group separator', 'BiggerEqualThan', '1', '1,', 'match'),
    opCase('exponent', 'LessEqualThan', '1000', '1e3', 'match'),
    opCase('exponent with sign', 'BiggerThan', '999', '1E+3', 'match'),
    opCase('negative exponent', 'LessThan', '0.003', '2.5e-3', 'match'),
    opCase('surrounding spaces', 'BiggerEqualThan', '42', ' 42 ', 'match'),
    opCase('tabs and newlines', 'LessEqualThan', '42', '\t42\n', 'match'),
    opCase('trailing NUL characters', 'BiggerEqualThan', '42', '42\u0000', 'match'),
    opCase('plus sign', 'BiggerThan', '4', '+5', 'match'),
    opCase('negative numbers', 'LessThan', '-4', '-5', 'match'),
    opCase('leading decimal point', 'BiggerThan', '0.4', '.5', 'match'),
    opCase('trailing decimal point', 'BiggerEqualThan', '5', '5.', 'match'),
    opCase('-0 equals 0', 'BiggerEqualThan', '0', '-0', 'match'),
    opCase('-0 is not below 0', 'LessThan', '0', '-0', 'no-match'),
    opCase('Infinity', 'BiggerThan', '1e308', 'Infinity', 'match'),
    opCase('-Infinity', 'LessThan', '-1e308', '-Infinity', 'match'),
    opCase(
      'Infinity is case-insensitive and equals itself',
      'BiggerEqualThan',
      'Infinity',
      'infinity',
      'match',
    ),
    opCase('overflow to Infinity', 'BiggerEqualThan', 'Infinity', '1e400', 'match'),
    opCase('NaN never compares (less)', 'LessThan', '1', 'NaN', 'no-match'),
    opCase('NaN never compares (greater)', 'BiggerThan', '1', 'NaN', 'no-match'),
    opCase('text', 'BiggerThan', '1', 'abc', 'no-match'),
    opCase('number followed by text (not parseFloat)', 'BiggerThan', '5', '12abc', 'no-match'),
    opCase('hexadecimal is not a number', 'BiggerThan', '1', '0x10', 'no-match'),
    opCase('empty value', 'BiggerThan', '-1', '', 'no-match'),
    opCase('missing attribute', 'LessThan', '1', undefined, 'no-match'),
    opCase('comma as decimal separator', 'BiggerThan', '1', '1.000,5', 'no-match'),
    opCase('space as group separator', 'BiggerThan', '1', '1 000', 'no-match'),
    opCase('leading group separator', 'BiggerThan', '0', ',5', 'no-match'),
    opCase('space after the sign', 'LessThan', '0', '- 5', 'no-match'),
    opCase('exponent without digits', 'BiggerThan', '0', '1e', 'no-match'),
    opCase('condition value is not a number', 'BiggerThan', 'abc', '5', 'no-match'),
    opCase('null name', 'BiggerThan', '1', undefined, 'no-match', {
      attr: 'name',
      user: u('user-op', {}, null),
    }),
  ];
}

function booleans(): ConformanceCase[] {
  return [
    opCase('lower case', 'IsTrue', 'IsTrue', 'true', 'match'),
    opCase('upper case', 'IsTrue', 'IsTrue', 'TRUE', 'match'),
    opCase('vector TRue', 'IsTrue', '', 'TRue', 'match'),
    opCase('vector not-true-string', 'IsTrue', '', 'not-true-string', 'no-match'),
    opCase('no trimming', 'IsTrue', 'IsTrue', ' true', 'no-match'),
    opCase('"1" is not true', 'IsTrue', 'IsTrue', '1', 'no-match'),
    opCase('"yes" is not true', 'IsTrue', 'IsTrue', 'yes', 'no-match'),
    opCase('condition value is ignored', 'IsTrue', 'false', 'true', 'match'),
    opCase('missing attribute', 'IsTrue', 'IsTrue', undefined, 'no-match'),
    opCase('lower case', 'IsFalse', 'IsFalse', 'false', 'match'),
    opCase('mixed case', 'IsFalse', 'IsFalse', 'fAlSe', 'match'),
    opCase('"0" is not false', 'IsFalse', 'IsFalse', '0', 'no-match'),
    opCase('"true" is not false', 'IsFalse', 'IsFalse', 'true', 'no-match'),
    opCase('missing attribute', 'IsFalse', 'IsFalse', undefined, 'no-match'),
  ];
}

function unknownOperators(): ConformanceCase[] {
  const nullValue = wireFlag({ key: 'op-flag', rules: [rule('rule 1', [c('attr', 'IsTrue', 'x')])] });
  (nullValue.rules[0].conditions[0] as { value: string | null }).value = null;
  return [
    opCase('unknown operator never matches', 'GreaterThan', '1', '2', 'no-match'),
    opCase('operator names are case-sensitive', 'equal', 'x', 'x', 'no-match'),
    opCase('"NotContains" is not FeatBit\'s "NotContain"', 'NotContains', 'x', 'abc', 'no-match'),
    opCase('null operator never matches', null, 'x', 'x', 'no-match'),
    one(
      'operator IsTrue — null condition value never matches',
      nullValue,
      u('user-op', { attr: 'true' }),
      served(OFF, 'default'),
    ),
  ];
}

function semvers(): ConformanceCase[] {
  return [
    opCase('equal', 'SemVerEqual', '1.2.3', '1.2.3', 'match'),
    opCase('build metadata has no precedence', 'SemVerEqual', '1.2.3', '1.2.3+build.5', 'match'),
    opCase('leading v accepted', 'SemVerEqual', '1.2.3', 'v1.2.3', 'match'),
    opCase('different patch', 'SemVerEqual', '1.2.3', '1.2.4', 'no-match'),
    opCase('two components are not semver', 'SemVerEqual', '1.2.0', '1.2', 'no-match'),
    opCase('numeric components, not text', 'SemVerGreaterThan', '1.9.0', '1.10.0', 'match'),
    opCase('major dominates', 'SemVerGreaterThan', '10.0.0', '2.0.0', 'no-match'),
    opCase('release above its pre-release', 'SemVerGreaterThan', '1.0.0-rc.1', '1.0.0', 'match'),
    opCase('numeric pre-release identifiers', 'SemVerGreaterThan', '1.0.0-beta.2', '1.0.0-beta.11', 'match'),
    opCase(
      'alphanumeric above numeric identifier',
      'SemVerGreaterThan',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      'match',
    ),
    opCase('fewer identifiers rank lower', 'SemVerLessThan', '1.0.0-alpha.1', '1.0.0-alpha', 'match'),
    opCase('pre-release below release', 'SemVerLessThan', '1.0.0', '1.0.0-rc.1', 'match'),
    opCase('leading zero is invalid', 'SemVerLessThan', '2.0.0', '01.0.0', 'no-match'),
    opCase('trailing space is invalid', 'SemVerLessThan', '2.0.0', '1.0.0 ', 'no-match'),
    opCase('invalid condition value', 'SemVerEqual', 'latest', 'latest', 'no-match'),
    opCase('missing attribute', 'SemVerLessThan', '1.0.0', undefined, 'no-match'),
  ];
}

function instants(): ConformanceCase[] {
  return [
    opCase('ISO before ISO', 'Before', '2024-01-01T00:00:00Z', '2023-12-31T23:59:59Z', 'match'),
    opCase('epoch ms before ISO', 'Before', '2024-01-01T00:00:00Z', '1704067199999', 'match'),
    opCase('ISO after epoch ms', 'After', '1704067200000', '2024-01-01T00:00:00.001Z', 'match'),
    opCase('equal instants are not after', 'After', '1704067200000', '2024-01-01', 'no-match'),
    opCase('equal instants are not before', 'Before', '2024-01-01T00:00:00Z', '1704067200000', 'no-match'),
    opCase('offsets are applied', 'Before', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00+02:00', 'match'),
    opCase('date only is midnight UTC', 'After', '2024-02-29T23:59:59Z', '2024-03-01', 'match'),
    opCase(
      'fraction below a millisecond is truncated',
      'After',
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00.0009999Z',
      'no-match',
    ),
    opCase('negative epoch ms', 'Before', '0', '-1', 'match'),
    opCase('invalid user value', 'Before', '2024-01-01', 'tomorrow', 'no-match'),
    opCase('invalid user value (after)', 'After', '2024-01-01', 'tomorrow', 'no-match'),
    opCase('impossible date', 'After', '2020-01-01', '2023-02-29', 'no-match'),
    opCase('invalid condition value', 'After', 'soon', '2024-01-01', 'no-match'),
    opCase('missing attribute', 'Before', '2024-01-01', undefined, 'no-match'),
  ];
}

function noMatchMode(): ConformanceCase[] {
  // The same flag twice: the option decides whether a negated condition matches a missing attribute.
  const flag = wireFlag({
    key: 'country-flag',
    rules: [rule('outside US', [c('country', 'NotEqual', 'US')])],
  });
  return [
    one('missing attribute, default option: NotEqual matches', flag, u('u-1'), served(ON, 'outside US')),
    one('missing attribute, no-match option: NotEqual fails', flag, u('u-1'), served(OFF, 'default'), {
      options: NO_MATCH,
    }),
    one('missing attribute, explicit empty-string option', flag, u('u-1'), served(ON, 'outside US'), {
      options: { missingAttribute: 'empty-string' },
    }),
  ];
}

export function operatorCases(): ConformanceCase[][] {
  return [
    isOneOf(),
    notOneOf(),
    equality(),
    substrings(),
    regexes(),
    numbers(),
    booleans(),
    unknownOperators(),
    semvers(),
    instants(),
    noMatchMode(),
  ];
}
