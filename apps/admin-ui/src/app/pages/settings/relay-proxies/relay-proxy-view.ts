// Pure view logic of the relay-proxies page: what a proxy serves, its agent counts and an agent's
// status report (docs/relay-proxies.md: `serves` is `{envId},{projectName}/{envName}` per scope, an
// auto agent's `status` is the agent's own record as JSON text).

export interface ServedEnvironment {
  envId: string;
  project: string;
  env: string;
}

export interface ProjectEnvironments {
  project: string;
  envs: string[];
}

/** One `serves` entry read back; an entry without a name keeps its id as the name. */
export function parseServe(entry: string): ServedEnvironment {
  const comma = entry.indexOf(',');
  const envId = comma < 0 ? entry : entry.slice(0, comma);
  const path = comma < 0 ? '' : entry.slice(comma + 1);
  const slash = path.lastIndexOf('/');
  return slash < 0
    ? { envId, project: '', env: path || envId }
    : { envId, project: path.slice(0, slash), env: path.slice(slash + 1) };
}

/** The served environments grouped by project, in the order the server lists them. */
export function groupServes(serves: readonly string[]): ProjectEnvironments[] {
  const groups = new Map<string, string[]>();
  for (const { project, env } of serves.map(parseServe)) {
    groups.set(project, [...(groups.get(project) ?? []), env]);
  }
  return [...groups].map(([project, envs]) => ({ project, envs }));
}

/** "Project / env, Project / env2" for a tooltip or a screen reader. */
export function servesText(serves: readonly string[]): string {
  return groupServes(serves)
    .map((g) => (g.project ? g.envs.map((e) => `${g.project} / ${e}`).join(', ') : g.envs.join(', ')))
    .join(', ');
}

export interface AgentCounts {
  total: number;
  auto: number;
  manual: number;
}

export function agentCounts(proxy: {
  agents: readonly unknown[];
  autoAgents: readonly unknown[];
}): AgentCounts {
  const auto = proxy.autoAgents.length;
  const manual = proxy.agents.length;
  return { total: auto + manual, auto, manual };
}

export interface AgentStatus {
  syncState: string | null;
  serves: string | null;
  dataVersion: number | null;
  lastSyncedAt: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * An auto agent's last report. `status` is whatever the agent sent (`{}` until it reports), so every
 * field is optional; the entry's own `serves` / `dataVersion` (stored from the report) win.
 */
export function agentStatus(agent: { status: string; serves?: string; dataVersion?: number }): AgentStatus {
  let record: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(agent.status);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      record = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: nothing to show beyond the registration.
  }
  const version = agent.dataVersion ?? record['dataVersion'];
  return {
    syncState: text(record['syncState']),
    serves: text(agent.serves) ?? text(record['serves']),
    dataVersion: typeof version === 'number' && Number.isFinite(version) ? version : null,
    lastSyncedAt: text(record['lastSyncedAt']),
  };
}

/** The body's scopes: none when every environment is served (the server stores them empty then). */
export function scopesFor(isAllEnvs: boolean, envIds: readonly string[]): string[] {
  return isAllEnvs ? [] : [...new Set(envIds)];
}

/** What the server accepts as an agent host: an http(s) URL without credentials, query or fragment. */
export function isAgentHost(host: string): boolean {
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash
  );
}

/** A liveness answer: 2xx means the agent is up. */
export function isAvailable(status: number): boolean {
  return status >= 200 && status < 300;
}
