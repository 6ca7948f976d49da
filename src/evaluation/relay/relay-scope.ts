import type { RelayProxy } from '../../core/integrations/integrations';
import { isRelayProxyKey, relayProxyKeyHash } from '../../core/integrations/relay-proxy-key';
import type { DataStore } from '../../core/ports/data-store.port';
import type { RpSecret } from '../../core/sdk/relay-proxy-payloads';
import type { Environment, SecretContext } from '../../core/tenancy/tenancy';

// What a relay-proxy key gives access to (FeatBit's RelayProxyService.GetSecretsAsync): the
// environments in the proxy's scopes, or every environment of its organization when isAllEnvs,
// each with its secrets. Read from the database at the handshake and on every re-check; relay
// connections are few (one per agent), so no cache is kept.

export interface RelayEnv {
  /** The environment as a server secret would resolve it (to load its state). */
  context: SecretContext;
  secrets: RpSecret[];
}

export interface RelayScope {
  proxyId: string;
  keyHash: string;
  envs: RelayEnv[];
  /** Changes whenever the environments or their secrets change (a fresh rp_full is due). */
  digest: string;
}

/** The key's scope, or null when no proxy has this key. Throws when the store cannot answer. */
export async function resolveRelayScope(store: DataStore, key: unknown): Promise<RelayScope | null> {
  if (!isRelayProxyKey(key)) return null;
  return relayScopeByHash(store, relayProxyKeyHash(key));
}

/** The same by the key's hash (re-checks of open connections: the key itself is not kept). */
export async function relayScopeByHash(store: DataStore, keyHash: string): Promise<RelayScope | null> {
  const proxy = await store.relayProxies.findByKeyHash(keyHash);
  return proxy === null ? null : scopeOf(store, proxy);
}

async function scopeOf(store: DataStore, proxy: RelayProxy): Promise<RelayScope | null> {
  const org = await store.organizations.findById(proxy.organizationId);
  if (org === null) return null;
  const projects = await store.projects.listByOrganization(org.id);
  const projectById = new Map(projects.map((p) => [p.id, p]));
  let envs: Environment[];
  if (proxy.isAllEnvs) {
    envs = (await Promise.all(projects.map((p) => store.environments.listByProject(p.id)))).flat();
  } else {
    const wanted = [...new Set(proxy.scopes.map((id) => id.toLowerCase()))];
    envs = wanted.length === 0 ? [] : await store.environments.findByIds(wanted);
  }
  const relayEnvs: RelayEnv[] = [];
  for (const env of envs) {
    // A scope naming an environment of another organization gives nothing (the API refuses it too).
    const project = projectById.get(env.projectId);
    if (project === undefined) continue;
    relayEnvs.push({
      context: {
        type: 'server',
        envId: env.id,
        envKey: env.key,
        projectId: project.id,
        projectKey: project.key,
        organizationId: org.id,
        organizationKey: org.key,
        workspaceId: org.workspaceId,
      },
      secrets: env.secrets.map((s) => ({
        type: s.type,
        projectKey: project.key,
        envId: env.id,
        envKey: env.key,
        value: s.value,
      })),
    });
  }
  relayEnvs.sort((a, b) => a.context.envId.localeCompare(b.context.envId));
  return {
    proxyId: proxy.id,
    keyHash: proxy.keyHash,
    envs: relayEnvs,
    digest: JSON.stringify(relayEnvs.map((e) => [e.context.envId, e.secrets.map((s) => [s.type, s.value])])),
  };
}
