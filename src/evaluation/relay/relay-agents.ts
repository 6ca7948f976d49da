import { Injectable } from '@nestjs/common';
import {
  applyAgentStatus,
  isAgentId,
  parseAgentStatusMessage,
  registerAutoAgent,
} from '../../core/integrations/relay-proxy-agents';
import { isRelayProxyKey, relayProxyKeyHash } from '../../core/integrations/relay-proxy-key';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import type { RelayConnection } from './relay-connection';

// Agents registering themselves (FeatBit's AgentController) and their status reports over the
// relay stream (FeatBit's RpAgentStatusMessageHandler), both stored on the proxy's autoAgents.

/** An agent reports once a minute; reports closer together than this are not written. */
const MIN_STATUS_WRITE_INTERVAL_MS = 5_000;
/** One agent reports over its connection; the spacing memory is bounded all the same. */
const MAX_AGENTS_PER_CONNECTION = 16;

export type RegisterAnswer = { status: 200; agentId: string } | { status: 400 | 401 | 403; error: string };

@Injectable()
export class RelayAgents {
  private readonly log: Logger;

  constructor(
    private readonly store: DataStore,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'relay-proxy' });
  }

  /** 401 for a key no proxy has, 400 for a bad agent id, 403 when the proxy has its maximum of agents. */
  async register(authorization: unknown, agentId: unknown): Promise<RegisterAnswer> {
    if (!isRelayProxyKey(authorization)) return { status: 401, error: 'unknown relay-proxy key' };
    const proxy = await this.store.relayProxies.findByKeyHash(relayProxyKeyHash(authorization));
    if (proxy === null) return { status: 401, error: 'unknown relay-proxy key' };
    if (!isAgentId(agentId)) return { status: 400, error: 'the body must be the agent id as a JSON string' };
    const outcome = registerAutoAgent(proxy.autoAgents ?? [], agentId, new Date().toISOString());
    if (outcome.kind === 'full') return { status: 403, error: 'this relay proxy has its maximum of agents' };
    if (outcome.kind === 'registered') {
      await this.store.relayProxies.update({ ...proxy, autoAgents: outcome.autoAgents });
      this.log.info('relay-proxy agent registered', { proxyId: proxy.id, agentId });
    }
    return { status: 200, agentId };
  }

  /** Stores an `rp-agent-status` report; anything malformed or unregistered is ignored. */
  status(conn: RelayConnection, data: unknown): void {
    const report = parseAgentStatusMessage(data);
    const now = Date.now();
    if (report === null) return;
    const last = conn.statusWrites.get(report.agentId) ?? 0;
    if (now - last < MIN_STATUS_WRITE_INTERVAL_MS) return;
    if (conn.statusWrites.size >= MAX_AGENTS_PER_CONNECTION) conn.statusWrites.clear();
    conn.statusWrites.set(report.agentId, now);
    void this.store.relayProxies
      .findByKeyHash(conn.scope.keyHash)
      .then(async (proxy) => {
        if (proxy === null) return;
        const autoAgents = applyAgentStatus(
          proxy.autoAgents ?? [],
          report.agentId,
          report.status,
          new Date().toISOString(),
        );
        if (autoAgents !== null) await this.store.relayProxies.update({ ...proxy, autoAgents });
      })
      .catch((err: unknown) =>
        this.log.warn('storing a relay-proxy agent status failed', {
          proxyId: conn.proxyId,
          error: err instanceof Error ? err.message : String(err),
        }),
      );
  }
}
