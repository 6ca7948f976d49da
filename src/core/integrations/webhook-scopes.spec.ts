import { parseWebhookScope, scopesCover } from './webhook-scopes';

describe('webhook scopes (FeatBit’s "{projectId}/{envId},{envId}")', () => {
  it('parses a project and its environments', () => {
    expect(parseWebhookScope('p1/e1,e2')).toEqual({ projectId: 'p1', envIds: ['e1', 'e2'] });
  });

  it.each(['', 'p1', '/e1', 'p1/', 'p1/e1,', 'p1/e 1', 'p1/*/x'])('refuses %p', (text) => {
    expect(parseWebhookScope(text)).toBeNull();
  });

  it('covers exactly the named environments of the named project', () => {
    const scopes = ['p1/e1,e2', 'p2/e9'];
    expect(scopesCover(scopes, 'p1', 'e2')).toBe(true);
    expect(scopesCover(scopes, 'p2', 'e9')).toBe(true);
    expect(scopesCover(scopes, 'p1', 'e9')).toBe(false);
    expect(scopesCover(scopes, 'p3', 'e1')).toBe(false);
    expect(scopesCover(['bad'], 'p1', 'e1')).toBe(false);
  });
});
