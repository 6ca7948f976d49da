import { builtInPolicies } from './built-in-policies';
import type { PolicyStatement } from './iam';
import { PERMISSION_ACTIONS, isPermissionAction } from './permissions';
import { isAllowed } from './policy-decision';
import { isValidResourcePattern, RN, rnIsInScope, rnMatches } from './resource-name';

const st = (
  resourceType: string,
  effect: 'allow' | 'deny',
  actions: string[],
  resources: string[],
): PolicyStatement => ({ id: `${resourceType}-${effect}`, resourceType, effect, actions, resources });

describe('resource names', () => {
  it('builds FeatBit resource names with tag suffixes', () => {
    expect(RN.env('web', 'prod')).toBe('project/web:env/prod');
    expect(RN.flag('web', 'prod', 'beta', ['a', 'b'])).toBe('project/web:env/prod:flag/beta;a,b');
    expect(RN.segment('web', 'prod', 'vip')).toBe('project/web:env/prod:segment/vip');
  });

  it.each([
    ['project/web:env/prod', 'project/web', true],
    ['project/web', 'project/web:env/prod', false],
    ['project/web:env/prod', 'project/*:env/prod*', true],
    ['project/web:env/production', 'project/*:env/prod*', true],
    ['project/web:env/dev', 'project/*:env/prod*', false],
    ['project/web:env/prod:flag/a;beta,ui', 'project/*:env/*:flag/*;ui', true],
    ['project/web:env/prod:flag/a;beta', 'project/*:env/*:flag/*;ui', false],
    ['project/web:env/prod:flag/a', 'project/*:env/*:flag/*;ui', false],
    ['project/web:env/prod:flag/a;x', 'project/*:env/*:flag/a', true],
    ['project/web.x:env/prod', 'project/web?x', false],
    ['project/webAx:env/prod', 'project/web.x', false],
    ['', '*', false],
    ['project/web', '', false],
  ])('%s matches %s → %s', (resource, pattern, expected) => {
    expect(rnMatches(resource, pattern)).toBe(expected);
  });

  it('checks scope prefixes on whole segments', () => {
    expect(rnIsInScope('organization/a:project/web:env/prod', 'organization/a:project/web')).toBe(true);
    expect(rnIsInScope('organization/a:project/web2:env/prod', 'organization/a:project/web')).toBe(false);
  });

  it('validates pattern structure', () => {
    expect(isValidResourcePattern('*')).toBe(true);
    expect(isValidResourcePattern('project/*:env/*:flag/*;a,b')).toBe(true);
    expect(isValidResourcePattern('project/')).toBe(false);
    expect(isValidResourcePattern('project')).toBe(false);
    expect(isValidResourcePattern('project/a::env/b')).toBe(false);
  });
});

describe('policy decision', () => {
  const env = RN.env('web', 'prod');
  const flag = RN.flag('web', 'prod', 'beta', ['ui']);

  it('denies when no statement applies', () => {
    expect(isAllowed([], 'CanAccessEnv', env)).toBe(false);
    expect(isAllowed([st('env', 'allow', ['DeleteEnv'], ['project/*:env/*'])], 'CanAccessEnv', env)).toBe(
      false,
    );
  });

  it('allows by action and resource pattern', () => {
    expect(
      isAllowed([st('env', 'allow', ['CanAccessEnv'], ['project/web:env/*'])], 'CanAccessEnv', env),
    ).toBe(true);
    expect(isAllowed([st('flag', 'allow', ['*'], ['project/*:env/*:flag/*;ui'])], 'ToggleFlag', flag)).toBe(
      true,
    );
  });

  it('lets deny beat allow', () => {
    const statements = [
      st('flag', 'allow', ['*'], ['project/*:env/*:flag/*']),
      st('flag', 'deny', ['ToggleFlag'], ['project/web:env/prod:flag/*']),
    ];
    expect(isAllowed(statements, 'ToggleFlag', flag)).toBe(false);
    expect(isAllowed(statements, 'ArchiveFlag', flag)).toBe(true);
    expect(isAllowed(statements, 'ToggleFlag', RN.flag('web', 'dev', 'beta'))).toBe(true);
  });

  it('applies a statement only to actions of its resource type (closes a FeatBit hole)', () => {
    const flagStatement = [st('flag', 'allow', ['*'], ['project/*'])];
    expect(isAllowed(flagStatement, 'DeleteProject', RN.project('web'))).toBe(false);
    expect(isAllowed(flagStatement, 'ToggleFlag', flag)).toBe(true);
    expect(isAllowed([st('*', 'allow', ['*'], ['*'])], 'DeleteProject', RN.project('web'))).toBe(true);
    expect(
      isAllowed([st('*', 'deny', ['*'], ['*']), st('*', 'allow', ['*'], ['*'])], 'CanAccessEnv', env),
    ).toBe(false);
  });

  it('gives the built-in policies their intended reach', () => {
    const [owner, admin, developer] = builtInPolicies('2024-01-01T00:00:00.000Z');
    for (const action of PERMISSION_ACTIONS) {
      expect(isAllowed(owner.statements, action, action.includes('Flag') ? flag : 'workspace/*')).toBe(true);
    }
    expect(isAllowed(admin.statements, 'CanManageIAM', RN.iam())).toBe(true);
    expect(isAllowed(admin.statements, 'DeleteEnv', env)).toBe(true);
    expect(isAllowed(developer.statements, 'CanManageIAM', RN.iam())).toBe(false);
    expect(isAllowed(developer.statements, 'DeleteEnv', env)).toBe(false);
    expect(isAllowed(developer.statements, 'CanAccessEnv', env)).toBe(true);
    // FeatBit shows SDK keys to developers; a custom read-only policy does not get them.
    expect(isAllowed(admin.statements, 'CanAccessEnvSecrets', env)).toBe(true);
    expect(isAllowed(developer.statements, 'CanAccessEnvSecrets', env)).toBe(true);
    expect(isAllowed(developer.statements, 'ToggleFlag', flag)).toBe(true);
    expect(isAllowed(developer.statements, 'CreateProject', RN.project('web'))).toBe(false);
  });

  it('knows its catalogue', () => {
    expect(isPermissionAction('ToggleFlag')).toBe(true);
    expect(isPermissionAction('toString')).toBe(false);
  });
});
