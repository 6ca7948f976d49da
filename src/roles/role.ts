/** The roles `all` stands for. */
export const ROLES = ['api', 'evaluation', 'analytics'] as const;
/**
 * A relay of another installation (docs/relay-proxies.md#edge-role): the evaluation role fed by an
 * upstream over FeatBit's agent protocol. It runs alone: it has no database and no queue to share.
 */
export const EDGE_ROLE = 'edge';
export type Role = (typeof ROLES)[number] | typeof EDGE_ROLE;

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
  const unknown = parts.filter(
    (p) => p !== 'all' && p !== EDGE_ROLE && !(ROLES as readonly string[]).includes(p),
  );
  if (unknown.length > 0 || parts.length === 0) {
    throw new RoleParseError(
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ') || `'${raw}'`}; ` +
        `valid roles: all, ${ROLES.join(', ')} (a comma list such as 'api,evaluation' is allowed)`,
    );
  }
  if (parts.includes(EDGE_ROLE)) {
    if (parts.some((p) => p !== EDGE_ROLE)) {
      throw new RoleParseError(
        `the ${EDGE_ROLE} role cannot be combined with other roles ('${raw}'): it serves what an upstream installation sends it`,
      );
    }
    return [EDGE_ROLE];
  }
  if (parts.includes('all')) return [...ROLES];
  return ROLES.filter((r) => parts.includes(r));
}

export function isAllInOne(roles: readonly Role[]): boolean {
  return ROLES.every((r) => roles.includes(r));
}

export function isEdge(roles: readonly Role[]): boolean {
  return roles.includes(EDGE_ROLE);
}

/** Default HTTP port: api (and all-in-one) 5000, evaluation and edge 5100, analytics 5200. */
export function defaultPort(roles: readonly Role[]): number {
  if (roles.includes('api')) return 5000;
  if (roles.includes('evaluation') || isEdge(roles)) return 5100;
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

/** Command-line flags of the edge role and the variables they set (`--upstream x`, `--upstream=x`). */
const EDGE_FLAGS: Readonly<Record<string, string>> = {
  '--upstream': 'EDGE_UPSTREAM_URL',
  '--relay-key': 'EDGE_RELAY_KEY',
  '--edge-data-dir': 'EDGE_DATA_DIR',
};

/** The environment with the edge flags given on the command line laid over it (flags win, as --role). */
export function withEdgeArguments(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const variable = EDGE_FLAGS[flag];
    if (variable === undefined) continue;
    out[variable] = eq < 0 ? (argv[++i] ?? '') : arg.slice(eq + 1);
  }
  return out;
}
