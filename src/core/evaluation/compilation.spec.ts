import { cond, flag, OFF, ON, rule, segment, user } from '../../../test/conformance/flag-builders';
import { SEGMENT_IN, type FeatureFlag } from '../flags/feature-flag';
import { EnvironmentEvaluator } from './index';

const SEG = '5e6f0000-0000-4000-8000-00000000000a';

function richFlag(key: string, id: string): FeatureFlag {
  return flag({
    id,
    key,
    rules: [
      rule('lists', [cond('country', 'IsOneOf', '["US","CA"]'), cond('plan', 'NotOneOf', '["free"]')]),
      rule('regex', [cond('email', 'MatchRegex', '@example\\.com$'), cond('age', 'BiggerThan', '1,000')]),
      rule('segment', [cond(SEGMENT_IN, null, JSON.stringify([SEG]))]),
    ],
    fallthrough: [
      [ON, 0, 0.5],
      [OFF, 0.5, 1],
    ],
  });
}

describe('compilation', () => {
  afterEach(() => jest.restoreAllMocks());

  it('does no JSON parsing and no regex construction while evaluating', () => {
    const ev = new EnvironmentEvaluator();
    ev.setSegments([segment(SEG, { rules: [[cond('email', 'MatchRegex', '^vip')]] })]);
    ev.setFlags([richFlag('rich', 'id-1')]);
    const parse = jest.spyOn(JSON, 'parse');
    const regex = jest.spyOn(globalThis, 'RegExp');
    const users = [
      user('a', { country: 'US', plan: 'pro' }),
      user('b', { email: 'x@example.com', age: '2,000' }),
      user('c', { email: 'vip@elsewhere' }),
      user('d'),
    ];
    const reasons = new Set<string>();
    for (let i = 0; i < 1000; i++) reasons.add(ev.evaluate('rich', users[i % users.length])!.reason);
    expect(reasons).toEqual(new Set(['lists', 'regex', 'segment', 'default']));
    expect(parse).not.toHaveBeenCalled();
    expect(regex).not.toHaveBeenCalled();
  });

  it('recompiles only the upserted flag', () => {
    const ev = new EnvironmentEvaluator();
    ev.setFlags([richFlag('one', 'id-1'), richFlag('two', 'id-2')]);
    const parse = jest.spyOn(JSON, 'parse');
    const changed = richFlag('one', 'id-1');
    changed.rules[0].conditions[0].value = '["MX"]';
    ev.upsertFlag(changed);
    expect(parse).toHaveBeenCalledTimes(3); // the three JSON values of flag "one" only
    expect(ev.evaluate('one', user('a', { country: 'US', plan: 'pro' }))!.reason).not.toBe('lists');
    expect(ev.evaluate('two', user('a', { country: 'US', plan: 'pro' }))!.reason).toBe('lists');
  });

  it('follows key changes and removals', () => {
    const ev = new EnvironmentEvaluator();
    ev.setFlags([richFlag('old-key', 'id-1')]);
    ev.upsertFlag(richFlag('new-key', 'id-1'));
    expect(ev.evaluate('old-key', user('a'))).toBeNull();
    expect(ev.getFlagByKey('new-key')?.id).toBe('id-1');
    expect([...ev.flags()]).toHaveLength(1);
    ev.removeFlag('id-1');
    expect(ev.evaluate('new-key', user('a'))).toBeNull();
    expect([...ev.flags()]).toHaveLength(0);
  });

  it('sees segment changes without recompiling flags, and indexes referencing flags', () => {
    const ev = new EnvironmentEvaluator();
    const f = richFlag('rich', 'id-1');
    ev.setFlags([f, flag({ id: 'id-2', key: 'plain' })]);
    ev.setSegments([segment(SEG, { included: ['a'] })]);
    expect(ev.evaluate('rich', user('a'))!.reason).toBe('segment');
    ev.upsertSegment(segment(SEG, { excluded: ['a'], included: ['a'] }));
    expect(ev.evaluate('rich', user('a'))!.reason).toBe('default');
    expect(ev.flagsReferencingSegment(SEG)).toEqual([f]);
    expect(ev.flagsReferencingSegment('other')).toEqual([]);
    ev.upsertFlag(flag({ id: 'id-1', key: 'rich' })); // no longer references the segment
    expect(ev.flagsReferencingSegment(SEG)).toEqual([]);
  });

  it('evaluateFlag uses the stored compiled form for the stored object and compiles others once', () => {
    const ev = new EnvironmentEvaluator();
    const stored = richFlag('rich', 'id-1');
    ev.setFlags([stored]);
    ev.setSegments([segment(SEG)]);
    const parse = jest.spyOn(JSON, 'parse');
    expect(ev.evaluateFlag(stored, user('a', { country: 'CA', plan: 'pro' })).reason).toBe('lists');
    expect(parse).not.toHaveBeenCalled();
    const edited: FeatureFlag = { ...stored, rules: stored.rules.slice(1) };
    expect(ev.evaluateFlag(edited, user('a', { country: 'CA', plan: 'pro' })).reason).not.toBe('lists');
    ev.evaluateFlag(edited, user('b'));
    expect(parse).toHaveBeenCalledTimes(1); // the segment list of the edited copy, once
  });

  it('returns shared frozen results (no allocation per evaluation)', () => {
    const ev = new EnvironmentEvaluator();
    ev.setFlags([richFlag('rich', 'id-1')]);
    ev.setSegments([segment(SEG)]);
    const a = ev.evaluate('rich', user('x'))!;
    const b = ev.evaluate('rich', user('x'))!;
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
