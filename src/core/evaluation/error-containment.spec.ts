import { cond, flag, OFF, ON, rule, segment, target, user } from '../../../test/conformance/flag-builders';
import { SEGMENT_IN, type FeatureFlag } from '../flags/feature-flag';
import { EnvironmentEvaluator, type EvaluationProblem } from './index';

const SEG = '5e6f0000-0000-4000-8000-00000000000b';

function setup(bad: FeatureFlag): { ev: EnvironmentEvaluator; problems: EvaluationProblem[] } {
  const problems: EvaluationProblem[] = [];
  const ev = new EnvironmentEvaluator({}, (p) => problems.push(p));
  ev.setFlags([bad, flag({ id: 'good', key: 'good', fallthrough: [[ON, 0, 1]] })]);
  return { ev, problems };
}

function broken(name: string, patch: (f: FeatureFlag) => void): FeatureFlag {
  const f = flag({ id: `bad-${name}`, key: 'bad' });
  patch(f);
  return f;
}

const anyFlag = (v: unknown): FeatureFlag => v as FeatureFlag;

describe('error containment', () => {
  it.each<[string, (f: FeatureFlag) => void, string]>([
    ['invalid regex', (f) => (f.rules = [rule('r', [cond('a', 'MatchRegex', '(')])]), 'regular expression'],
    [
      'non-JSON list',
      (f) => (f.rules = [rule('r', [cond('a', 'IsOneOf', 'US,CA')])]),
      'JSON array of strings',
    ],
    [
      'list of numbers',
      (f) => (f.rules = [rule('r', [cond('a', 'NotOneOf', '[1,2]')])]),
      'JSON array of strings',
    ],
    [
      'missing segment',
      (f) => (f.rules = [rule('r', [cond(SEGMENT_IN, null, JSON.stringify([SEG]))])]),
      `segment ${SEG} not found`,
    ],
    ['bad segment list', (f) => (f.rules = [rule('r', [cond(SEGMENT_IN, null, 'nope')])]), 'segment ids'],
    [
      'missing disabledVariationId',
      (f) => ((f.isEnabled = false), (f.disabledVariationId = 'nope')),
      'disabledVariationId',
    ],
    ['rollout to unknown variation', (f) => (f.fallthrough.variations[0].id = 'nope'), 'does not exist'],
    ['missing fallthrough', (f) => delete (f as Partial<FeatureFlag>).fallthrough, 'fallthrough: missing'],
    ['missing rules', (f) => delete (f as Partial<FeatureFlag>).rules, 'rules is not a list'],
    ['missing isEnabled', (f) => delete (f as Partial<FeatureFlag>).isEnabled, 'isEnabled'],
    [
      'rollout not a pair',
      (f) => (f.fallthrough.variations[0].rollout = [0] as unknown as [number, number]),
      'pair',
    ],
    ['target to unknown variation', (f) => (f.targetUsers = [target('nope', 'u1')]), 'does not exist'],
  ])('%s: a defined malformed result, other flags unaffected, reported once', (_name, patch, message) => {
    const { ev, problems } = setup(broken(_name, patch));
    for (let i = 0; i < 5; i++) {
      const result = ev.evaluate('bad', user('u1', { a: 'x' }));
      expect(result).toMatchObject({
        variationId: null,
        value: null,
        reason: 'malformed flag',
        sendToExperiment: false,
      });
      expect(result!.error).toContain(message);
      expect(ev.evaluate('good', user('u1'))!.variationId).toBe(ON);
    }
    const mine = problems.filter((p) => p.message.includes(message));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ flagId: `bad-${_name}`, flagKey: 'bad', updatedAt: flag().updatedAt });
  });

  it('keeps damage lazy where the server is: unreached bad parts do not matter', () => {
    const f = flag({
      targetUsers: [target(ON, 'vip')],
      rules: [rule('first', [cond('plan', 'Equal', 'pro')]), rule('broken', [cond('a', 'MatchRegex', '(')])],
    });
    const { ev } = setup(f);
    expect(ev.evaluate('test-flag', user('vip'))!.variationId).toBe(ON);
    expect(ev.evaluate('test-flag', user('x', { plan: 'pro' }))!.reason).toBe('first');
    expect(ev.evaluate('test-flag', user('x'))!.reason).toBe('malformed flag');
    // The server checks the user value for null before parsing: a null name never reaches the regex.
    const g = flag({ rules: [rule('broken', [cond('name', 'MatchRegex', '(')])] });
    expect(setup(g).ev.evaluate('test-flag', user('x'))!.reason).toBe('default');
  });

  it('reports unknown operators once at compile time but evaluates them as non-matching', () => {
    const { ev, problems } = setup(flag({ rules: [rule('r', [cond('a', 'Matches', 'x')])] }));
    expect(problems.map((p) => p.message)).toEqual([
      'rule "r": condition (a Matches) uses an unknown operator',
    ]);
    expect(ev.evaluate('test-flag', user('u', { a: 'x' }))!.reason).toBe('default');
    expect(problems).toHaveLength(1);
  });

  it('reports rollouts that leave buckets uncovered but serves Variation.Empty like the server', () => {
    const { ev, problems } = setup(flag({ key: 'my-flag', fallthrough: [[ON, 0, 0.5]] }));
    expect(problems.map((p) => p.message)).toEqual([
      'fallthrough: rollouts do not cover every bucket; uncovered users get an empty variation',
    ]);
    expect(ev.evaluate('my-flag', user('user-3'))).toEqual({
      variationId: '',
      value: '',
      reason: 'default',
      sendToExperiment: true,
    });
  });

  it('reports again for a new flag version, not for the same one', () => {
    const problems: EvaluationProblem[] = [];
    const ev = new EnvironmentEvaluator({}, (p) => problems.push(p));
    const v1 = flag({ rules: [rule('r', [cond('a', 'IsOneOf', 'bad')])] });
    ev.setFlags([v1]);
    ev.upsertFlag({ ...v1 });
    ev.evaluate('test-flag', user('u', { a: 'x' }));
    expect(problems).toHaveLength(1);
    ev.upsertFlag({ ...v1, updatedAt: '2024-06-01T00:00:00.000Z' });
    expect(problems).toHaveLength(2);
    expect(problems[1].updatedAt).toBe('2024-06-01T00:00:00.000Z');
  });

  it('reports a broken segment against the flags that use it, and survives a throwing reporter', () => {
    const problems: EvaluationProblem[] = [];
    const ev = new EnvironmentEvaluator({}, (p) => {
      problems.push(p);
      throw new Error('reporter down');
    });
    ev.setFlags([flag({ rules: [rule('seg', [cond(SEGMENT_IN, null, JSON.stringify([SEG]))])] })]);
    ev.setSegments([segment(SEG, { rules: [[cond('a', 'MatchRegex', '[')]] })]);
    expect(problems.map((p) => p.message)).toEqual([
      `segment ${SEG} (updated ${flag().updatedAt}): condition (a MatchRegex) value is not a valid regular expression`,
    ]);
    expect(ev.evaluate('test-flag', user('u', { a: 'x' }))!.reason).toBe('malformed flag');
    expect(ev.evaluate('test-flag', user('u'))!.reason).toBe('malformed flag'); // "" still reaches it
  });

  it('never throws for structurally absurd input', () => {
    const ev = new EnvironmentEvaluator();
    for (const junk of [
      null,
      42,
      'flag',
      {},
      { key: 'k', isEnabled: true },
      { key: 'k', isEnabled: true, rules: [null] },
    ]) {
      expect(() => ev.evaluateFlag(anyFlag(junk), user('u'))).not.toThrow();
      expect(ev.evaluateFlag(anyFlag(junk), user('u')).reason).toBe('malformed flag');
    }
    expect(() => ev.setFlags([anyFlag(null)])).not.toThrow();
    expect(() => ev.setSegments([null as never, { id: 's' } as never])).not.toThrow();
    expect(ev.evaluateFlag(flag(), null as never).reason).toBe('malformed flag');
    expect(ev.evaluateFlag(flag({ fallthrough: [[OFF, 0, 1]] }), user('u')).variationId).toBe(OFF);
  });
});
