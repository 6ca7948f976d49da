import { defaultPort, parseRoles, roleArgument, RoleParseError } from '../../src/roles/role';

describe('roles', () => {
  it.each([
    [undefined, ['api', 'evaluation', 'analytics']],
    ['', ['api', 'evaluation', 'analytics']],
    ['all', ['api', 'evaluation', 'analytics']],
    ['evaluation', ['evaluation']],
    ['analytics, API', ['api', 'analytics']],
    ['api,api', ['api']],
    ['api,all', ['api', 'evaluation', 'analytics']],
  ])('parses %j', (input, roles) => {
    expect(parseRoles(input)).toEqual(roles);
  });

  it('refuses unknown roles and lists the valid ones', () => {
    expect(() => parseRoles('api,worker')).toThrow(RoleParseError);
    expect(() => parseRoles('api,worker')).toThrow(
      "unknown role 'worker'; valid roles: all, api, evaluation, analytics (a comma list such as 'api,evaluation' is allowed)",
    );
    expect(() => parseRoles(',')).toThrow(RoleParseError);
  });

  it('reads --role in both spellings and falls back to ROLES', () => {
    expect(roleArgument(['--role', 'api'], 'evaluation')).toBe('api');
    expect(roleArgument(['--role=analytics'], undefined)).toBe('analytics');
    expect(roleArgument([], 'evaluation')).toBe('evaluation');
    expect(roleArgument(['--role'], 'api')).toBe('');
  });

  it('picks the default port by role', () => {
    expect(defaultPort(['api', 'evaluation', 'analytics'])).toBe(5000);
    expect(defaultPort(['evaluation'])).toBe(5100);
    expect(defaultPort(['analytics'])).toBe(5200);
  });
});
