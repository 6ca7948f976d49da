import { segmentScopeCovers } from '../../../core/segments/segment';
import { coveringScopes } from './segment-scopes';

describe('coveringScopes', () => {
  const env = 'organization/acme:project/web:env/prod';

  it('lists every ":"-bounded prefix of the resource name', () => {
    expect(coveringScopes(env)).toEqual([
      'organization/acme',
      'organization/acme:project/web',
      'organization/acme:project/web:env/prod',
    ]);
  });

  it('agrees with segmentScopeCovers: a scope covers the env exactly when it is in the list', () => {
    const scopes = [
      ...coveringScopes(env),
      'organization/acme:project/we',
      'organization/acm',
      'organization/acme:project/web:env/prod2',
      'organization/acme:project/web:env/prod:extra',
      'organization/other',
      '',
    ];
    for (const scope of scopes) {
      expect([scope, coveringScopes(env).includes(scope)]).toEqual([scope, segmentScopeCovers([scope], env)]);
    }
  });
});
