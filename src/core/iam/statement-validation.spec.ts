import { validateStatements } from './statement-validation';

describe('policy statement validation', () => {
  const ok = {
    id: '1',
    resourceType: 'flag',
    effect: 'allow' as const,
    actions: ['ToggleFlag'],
    resources: ['project/*:env/prod:flag/*;beta'],
  };

  it('accepts meaningful statements', () => {
    expect(validateStatements([ok, { ...ok, resourceType: '*', actions: ['*'], resources: ['*'] }])).toEqual(
      [],
    );
  });

  it.each([
    [{ resourceType: 'planet' }, 'unknown resource type planet'],
    [{ actions: ['FlyToMoon'] }, 'unknown action FlyToMoon'],
    [{ actions: ['DeleteProject'] }, 'DeleteProject applies to project, not flag'],
    [{ actions: [] }, 'at least one action'],
    [{ resources: ['project'] }, 'invalid resource name project'],
    [{ resources: [] }, 'at least one resource'],
    [{ effect: 'maybe' }, 'effect is allow or deny'],
  ])('refuses %j', (change, message) => {
    expect(validateStatements([{ ...ok, ...(change as object) }]).map((p) => p.message)).toEqual([message]);
  });
});
