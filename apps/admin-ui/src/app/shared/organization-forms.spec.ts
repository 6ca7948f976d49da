import { confirmationMatches, environmentNames, sharedSegmentScopes } from './organization-forms';

describe('organization forms', () => {
  it('reads environment names from a comma or line separated list', () => {
    expect(environmentNames('Dev, Prod')).toEqual(['Dev', 'Prod']);
    expect(environmentNames(' Dev \n\nStaging,, dev ,Prod')).toEqual(['Dev', 'Staging', 'Prod']);
    expect(environmentNames('  ')).toEqual([]);
  });

  it('confirms only the exact name', () => {
    expect(confirmationMatches(' Acme ', 'Acme')).toBe(true);
    expect(confirmationMatches('acme', 'Acme')).toBe(false);
    expect(confirmationMatches('', '')).toBe(false);
  });

  it('builds one environment scope per covered environment, without repeats', () => {
    expect(
      sharedSegmentScopes('acme', [
        { projectKey: 'web', envKey: 'dev' },
        { projectKey: 'web', envKey: 'prod' },
        { projectKey: 'web', envKey: 'dev' },
      ]),
    ).toEqual(['organization/acme:project/web:env/dev', 'organization/acme:project/web:env/prod']);
  });
});
