export const ROLES = ['api', 'evaluation', 'analytics'] as const;
export type Role = (typeof ROLES)[number];

/** Injection token: the roles this process runs. */
export const APP_ROLES = Symbol('APP_ROLES');

export class RoleParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleParseError';
  }
}

/**
 * Parse `all`, a role name or a comma list (`api,evaluation`). Order follows ROLES; duplicates
 * collapse. Anything unknown is refused with the list of valid values.
 */
export function parseRoles(input: string | undefined): Role[] {
  const raw = (input ?? '').trim() || 'all';
  const parts = raw
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p.length > 0);
  const unknown = parts.filter((p) => p !== 'all' && !(ROLES as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) {
    throw new RoleParseError(
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ') || `'${raw}'`}; ` +
        `valid roles: all, ${ROLES.join(', ')} (a comma list such as 'api,evaluation' is allowed)`,
    );
  }
  if (parts.includes('all')) return [...ROLES];
  return ROLES.filter((r) => parts.includes(r));
}

export function isAllInOne(roles: readonly Role[]): boolean {
  return ROLES.every((r) => roles.includes(r));
}

/** Default HTTP port: api (and all-in-one) 5000, evaluation 5100, analytics 5200. */
export function defaultPort(roles: readonly Role[]): number {
  if (roles.includes('api')) return 5000;
  if (roles.includes('evaluation')) return 5100;
  return 5200;
}

/** The role list from argv (`--role x`, `--role=x`, `--roles …`) or the ROLES env fallback. */
export function roleArgument(argv: readonly string[], envRoles: string | undefined): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--role' || arg === '--roles') return argv[i + 1] ?? '';
    if (arg.startsWith('--role=') || arg.startsWith('--roles=')) return arg.slice(arg.indexOf('=') + 1);
  }
  return envRoles;
}
