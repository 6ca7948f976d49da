import { actionsFor, deniedReason, RN, statementsOf } from './permissions';

const policy = (...statements: Parameters<typeof statementsOf>[0][number]['statements']) => ({ statements });
const flag = RN.flag('web', 'dev', 'checkout', ['beta']);

describe('console permission decisions', () => {
  it('allows what a matching allow statement grants', () => {
    const statements = statementsOf([
      policy({
        effect: 'allow',
        resourceType: 'flag',
        actions: ['*'],
        resources: ['project/*:env/*:flag/*'],
      }),
    ]);
    expect(deniedReason(statements, 'ToggleFlag', flag)).toBeNull();
  });

  it('denies with the reason when nothing applies', () => {
    const statements = statementsOf([
      policy({
        effect: 'allow',
        resourceType: 'env',
        actions: ['CanAccessEnv'],
        resources: ['project/*:env/*'],
      }),
    ]);
    expect(deniedReason(statements, 'UpdateFlagTargetingRules', flag)).toBe(
      'Your policies do not allow UpdateFlagTargetingRules on this flag',
    );
    expect(deniedReason(statements, 'CanAccessEnv', RN.env('web', 'dev'))).toBeNull();
  });

  it('lets a deny win over an allow from another policy', () => {
    const statements = statementsOf([
      policy({ effect: 'allow', resourceType: '*', actions: ['*'], resources: ['*'] }),
      policy({
        effect: 'deny',
        resourceType: 'flag',
        actions: ['ToggleFlag'],
        resources: ['project/web:env/*:flag/*'],
      }),
    ]);
    expect(deniedReason(statements, 'ToggleFlag', flag)).not.toBeNull();
    expect(deniedReason(statements, 'ArchiveFlag', flag)).toBeNull();
    expect(deniedReason(statements, 'ToggleFlag', RN.flag('api', 'dev', 'checkout'))).toBeNull();
  });

  it('matches tags and wildcards as the server does', () => {
    const statements = statementsOf([
      policy({
        effect: 'allow',
        resourceType: 'flag',
        actions: ['ToggleFlag'],
        resources: ['project/*:env/dev:flag/*;beta'],
      }),
    ]);
    expect(deniedReason(statements, 'ToggleFlag', flag)).toBeNull();
    expect(deniedReason(statements, 'ToggleFlag', RN.flag('web', 'dev', 'checkout'))).not.toBeNull();
    expect(
      deniedReason(statements, 'ToggleFlag', RN.flag('web', 'prod', 'checkout', ['beta'])),
    ).not.toBeNull();
  });

  it('offers the actions of a resource type', () => {
    expect(actionsFor('iam')).toEqual(['CanManageIAM']);
    expect(actionsFor('flag')).toContain('UpdateFlagTargetingRules');
    expect(actionsFor('flag')).not.toContain('CanAccessEnv');
    expect(actionsFor('*').length).toBeGreaterThan(40);
  });
});
