import { type OnModuleDestroy, Optional } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { decodeStreamingToken, isTokenFresh } from '../../core/sdk/streaming-token';
import { envIdFromSecret } from '../../core/tenancy/secret-format';
import { Logger } from '../../core/ports/logger.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { SecretResolver } from '../auth/secret-resolver';
import { EnvironmentRegistry } from '../environments/environment-registry';
import { EndUserPublisher } from '../insights/end-user-publisher';
import { RelayHub } from '../relay/relay-hub';
import { SdkRateLimiter } from '../http/sdk-rate-limiter';
import { SdkMessageHandlers } from './sdk-message-handlers';
import { CLOSE_GOING_AWAY, type SdkConnection } from './sdk-connection';
import { closeOnFailure, type HandshakeOutcome, type SdkWsServer } from './sdk-ws.adapter';

// GET /streaming?type=server|client|relay-proxy&token=…[&version=…] (FeatBit's streaming
// protocol), a Nest gateway served through SdkWsAdapter (sdk-ws.adapter.ts: upgrade, refusals,
// close codes, message routing). Here: the handshake validation, the SDK → server messages, the
// connection sets the change fan-out writes to, the sweeper and the graceful shutdown.

const VERSIONS = new Set(['', '1', '2']);
/** One timer for all connections: liveness, message-rate windows and cache housekeeping. */
export const SWEEP_INTERVAL_MS = 5_000;
/** SDKs ping every 10–20 s; a connection silent this long is presumed dead. */
export const IDLE_TIMEOUT_MS = 180_000;
const SHUTDOWN_CLOSE_WAIT_MS = 2_000;

@WebSocketGateway({ path: '/streaming' })
export class StreamingGateway
  implements
    OnGatewayInit<SdkWsServer>,
    OnGatewayConnection<SdkConnection>,
    OnGatewayDisconnect<SdkConnection>,
    OnModuleDestroy
{
  private server: SdkWsServer | null = null;
  private readonly connections = new Set<SdkConnection>();
  private readonly handlers: SdkMessageHandlers;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: SecretResolver,
    private readonly registry: EnvironmentRegistry,
    private readonly endUsers: EndUserPublisher,
    private readonly rateLimiter: SdkRateLimiter,
    private readonly relays: RelayHub,
    logger: Logger,
    @Optional() metrics: Metrics = new NoopMetrics(),
  ) {
    this.log = logger.child({ component: 'streaming' });
    this.handlers = new SdkMessageHandlers(endUsers, metrics, (conn, err) =>
      closeOnFailure(conn, err, this.log),
    );
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  afterInit(server: SdkWsServer): void {
    this.server = server;
    server.handshake = (params) => this.validate(params);
    // The SDK protocol's messages (docs/reference/wire-protocol.md#message-framing). They reply
    // themselves; the adapter closes only their connection (1011) should one throw.
    server.routes.set('ping', (conn) => this.handlers.ping(conn));
    server.routes.set('echo', (conn, data) => this.handlers.echo(conn, data));
    server.routes.set('data-sync', (conn, data) => this.handlers.dataSync(conn, data));
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Contained: Nest calls this from an RxJS subscriber, where a throw would reach the process. */
  handleConnection(conn: SdkConnection): void {
    try {
      this.connections.add(conn);
      (conn.kind === 'server' ? conn.env.servers : conn.env.clients).add(conn);
      this.log.debug('streaming connection accepted', { envId: conn.env.envId, type: conn.kind });
    } catch (err) {
      closeOnFailure(conn, err, this.log);
    }
  }

  handleDisconnect(conn: SdkConnection): void {
    this.connections.delete(conn);
    conn.env.servers.delete(conn);
    conn.env.clients.delete(conn);
  }

  /** Graceful shutdown: every SDK gets 1001 and reconnects (to another replica or after restart). */
  async onModuleDestroy(): Promise<void> {
    if (this.server !== null) this.server.stopping = true;
    if (this.sweeper !== null) clearInterval(this.sweeper);
    for (const conn of this.connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down');
    const deadline = Date.now() + SHUTDOWN_CLOSE_WAIT_MS;
    while (this.connections.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const conn of this.connections) conn.ws.terminate();
  }

  private async validate(params: URLSearchParams): Promise<HandshakeOutcome> {
    const type = params.get('type');
    if (type === 'relay-proxy') {
      // The token is the relay proxy's key itself (src/evaluation/relay/relay-hub.ts).
      const handshake = await this.relays.handshake(params.get('token'));
      if (handshake.kind !== 'ok') return handshake;
      return { kind: 'handover', accept: (ws) => this.relays.accept(ws, handshake) };
    }
    if (type !== 'server' && type !== 'client') return { kind: 'invalid', why: 'connection type' };
    if (!VERSIONS.has(params.get('version') ?? '')) return { kind: 'invalid', why: 'version' };
    const token = decodeStreamingToken(params.get('token'));
    if (token === null) return { kind: 'invalid', why: 'malformed token' };
    if (!isTokenFresh(token.timestamp, Date.now(), this.config.evaluation.tokenExpirySeconds)) {
      return { kind: 'invalid', why: 'expired token' };
    }
    if (envIdFromSecret(token.secret) === null) return { kind: 'invalid', why: 'malformed secret' };
    try {
      const context = this.secrets.cached(token.secret) ?? (await this.secrets.resolve(token.secret));
      if (context === null) return { kind: 'invalid', why: 'unknown secret' };
      if (context.type !== type) return { kind: 'invalid', why: 'secret type' };
      const env = this.registry.get(context.envId) ?? (await this.registry.acquire(context));
      return { kind: 'ok', type, env };
    } catch (err) {
      this.log.warn('streaming handshake: store unavailable', {
        error: err instanceof Error ? err.message : String(err),
      });
      return { kind: 'unavailable' };
    }
  }

  /** Each step contained: a failing one is logged and the others still run. */
  private sweep(): void {
    const now = Date.now();
    for (const step of [
      () => this.sweepConnections(now),
      () => this.secrets.sweep(now),
      () => this.endUsers.sweep(now),
      () => this.registry.evictIdle(now),
      () => this.rateLimiter.sweep(now),
    ]) {
      try {
        step();
      } catch (err) {
        this.log.error('streaming housekeeping failed', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }

  private sweepConnections(now: number): void {
    for (const conn of this.connections) {
      conn.messages = 0;
      if (
        now - conn.lastSeen > IDLE_TIMEOUT_MS ||
        conn.ws.bufferedAmount > this.config.limits.wsMaxBufferedBytes
      ) {
        conn.closing = true;
        conn.ws.terminate();
      }
    }
  }
}
