import { draftOf, draftProblems, newDraft, resourcesOf, statementOf } from './statement-draft';

describe('statement editor validation', () => {
  it('accepts a complete statement', () => {
    const draft = { ...newDraft('env'), actions: ['CanAccessEnv'] };
    expect(draftProblems([draft]).size).toBe(0);
    expect(statementOf(draft).resources).toEqual(['project/*:env/*']);
  });

  it('asks for an action and a resource', () => {
    const problems = draftProblems([{ ...newDraft('flag'), resourcesText: '  ' }]);
    expect(problems.get(0)).toEqual(['at least one action', 'at least one resource']);
  });

  it('refuses actions of another resource type and malformed resource names', () => {
    const problems = draftProblems([
      newDraft('env'),
      { effect: 'deny', resourceType: 'env', actions: ['ToggleFlag'], resourcesText: 'project/web:env/' },
    ]);
    expect(problems.get(1)).toEqual([
      'ToggleFlag applies to flag, not env',
      'invalid resource name project/web:env/',
    ]);
    expect(problems.get(0)).toEqual(['at least one action']);
  });

  it('reads one resource per line or comma, without duplicates', () => {
    expect(resourcesOf('project/a\nproject/b, project/a\n')).toEqual(['project/a', 'project/b']);
  });

  it('round-trips a saved statement', () => {
    const saved = {
      effect: 'allow' as const,
      resourceType: 'flag',
      actions: ['ToggleFlag'],
      resources: ['project/*:env/*:flag/*;beta'],
    };
    expect(statementOf(draftOf(saved))).toEqual(saved);
  });
});
