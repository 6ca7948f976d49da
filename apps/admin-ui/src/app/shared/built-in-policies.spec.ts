import { builtInPolicies } from '@domain/iam/built-in-policies';
import { shownPolicies, shownPolicy } from './built-in-policies';

describe('built-in policies', () => {
  it('show the core’s names and descriptions in English', () => {
    for (const policy of builtInPolicies('2026-01-01T00:00:00.000Z')) {
      expect(shownPolicy(policy)).toEqual(policy);
    }
  });

  it('leave policies people made as they are', () => {
    const mine = { id: 'p1', name: 'Readers', description: 'Read-only people' };
    expect(shownPolicies({ items: [mine], totalCount: 1 }).items).toEqual([mine]);
  });
});
