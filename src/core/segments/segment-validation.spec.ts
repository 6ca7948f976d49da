import type { Segment } from './segment';
import { instructionText } from '../audit/instruction-text';
import { segmentDiff } from '../audit/segment-diff';
import { segmentTargetingPermissions } from './segment-instructions';
import { validateSegmentRules, validateSharedScopes } from './segment-validation';

const env = 'organization/acme:project/web:env/prod';

describe('segment validation', () => {
  it('accepts ordinary rules and refuses segment conditions and empty rules', () => {
    expect(
      validateSegmentRules([
        { id: 'r', name: 'n', conditions: [{ property: 'plan', op: 'Equal', value: 'pro' }] },
      ]),
    ).toEqual([]);
    const problems = validateSegmentRules([
      { id: 'r', name: 'n', conditions: [{ property: 'User is in segment', op: null, value: '["x"]' }] },
      { id: 'q', name: 'n', conditions: [] },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'segment conditions are not allowed here',
      'a rule needs at least one condition',
    ]);
  });

  it.each([
    [['organization/acme'], []],
    [['organization/acme:project/web'], []],
    [['organization/acme:project/web:env/prod'], []],
    [[], ['a shared segment needs at least one scope']],
    [['organization/other:project/web'], ['scopes must stay within the current organization']],
    [['organization/acme:project/*'], ['a scope is organization/<key>[:project/<key>[:env/<key>]]']],
    [['organization/acme:project/api'], ['the scopes must include the current environment']],
    [['project/web'], ['a scope is organization/<key>[:project/<key>[:env/<key>]]']],
  ])('scopes %j', (scopes, messages) => {
    expect(validateSharedScopes(scopes, 'acme', env).map((p) => p.message)).toEqual(messages);
  });

  it('describes changes and the permissions they need', () => {
    const before: Segment = {
      id: 's',
      workspaceId: 'w',
      envId: 'e',
      name: 'Beta',
      key: 'beta',
      type: 'environment-specific',
      scopes: [],
      description: '',
      included: ['a'],
      excluded: [],
      rules: [],
      tags: [],
      isArchived: false,
      createdAt: '',
      updatedAt: '',
    };
    const after = {
      ...before,
      included: ['a', 'b'],
      rules: [{ id: 'r', name: 'pro', conditions: [{ property: 'plan', op: 'Equal', value: 'pro' }] }],
    };
    expect(segmentDiff(before, after).map((i) => instructionText(i))).toEqual([
      'Included users b',
      'Added rule: plan equals pro',
    ]);
    expect(segmentTargetingPermissions(before, after)).toEqual([
      'UpdateSegmentTargetingUsers',
      'UpdateSegmentRules',
    ]);
    expect(segmentTargetingPermissions(before, { ...before })).toEqual([]);
  });
});
