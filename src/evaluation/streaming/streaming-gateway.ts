import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type WebSocket, WebSocketServer } from 'ws';
import { AppConfig } from '../../config/app-config';
import { decodeStreamingToken, isTokenFresh } from '../../core/sdk/streaming-token';
import { envIdFromSecret } from '../../core/tenancy/secret-format';
import { Logger } from '../../core/ports/logger.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { SecretResolver } from '../auth/secret-resolver';
import type { EnvironmentState } from '../environments/environment-state';
import { EnvironmentRegistry } from '../environments/environment-registry';
import { EndUserPublisher } from '../insights/end-user-publisher';
import { type RelayHandshake, RelayHub } from '../relay/relay-hub';
import { SdkRateLimiter } from '../http/sdk-rate-limiter';
import { clientAddress, ConnectionsPerAddress } from './connections-per-address';
import { MessageDispatcher } from './message-dispatcher';
import { installQuietReceiverEnd, quietSocketEnd } from './quiet-close';
import { CLOSE_GOING_AWAY, CLOSE_INVALID_REQUEST, CLOSE_UNAVAILABLE, SdkConnection } from './sdk-connection';
import { acceptsSharedDeflate, installInflateRelease, PER_MESSAGE_DEFLATE } from './shared-deflate';

// GET /streaming?type=server|client&token=…[&version=…] on the HTTP server's upgrade event
// (FeatBit's streaming protocol). The upgrade is accepted so that SDKs see a close code: 4003 for
// an invalid handshake (SDKs stop retrying), 1011 when the store cannot answer or a handler fails,
// and 1001 on shutdown (1000 would stop the .NET and Go SDKs from reconnecting). Only an address
// over WS_MAX_CONNECTIONS_PER_IP (429, SDKs retry with back-off) and a stopping server (503) are
// refused before the handshake.

type Outcome =
  | { kind: 'ok'; type: 'server' | 'client'; env: EnvironmentState }
  | { kind: 'relay'; handshake: Extract<RelayHandshake, { kind: 'ok' }> }
  | { kind: 'invalid'; why: string }
  | { kind: 'unavailable' };

const VERSIONS = new Set(['', '1', '2']);
/** One timer for all connections: liveness, message-rate windows and cache housekeeping. */
export const SWEEP_INTERVAL_MS = 5_000;
/** SDKs ping every 10–20 s; a connection silent this long is presumed dead. */
export const IDLE_TIMEOUT_MS = 180_000;
const SHUTDOWN_CLOSE_WAIT_MS = 2_000;

export function isStreamingPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/streaming' || lower.startsWith('/streaming/');
}

function ignore(): void {}

@Injectable()
export class StreamingGateway implements OnModuleInit, OnModuleDestroy {
  private wss!: WebSocketServer;
  private server: Server | null = null;
  private readonly connections = new Set<SdkConnection>();
  private readonly perAddress: ConnectionsPerAddress;
  private readonly dispatcher: MessageDispatcher;
  private sweeper: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly log: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
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
    this.dispatcher = new MessageDispatcher(endUsers, this.log, metrics, (conn, err) =>
      this.failConnection(conn, err),
    );
    this.perAddress = new ConnectionsPerAddress(config.limits.wsMaxConnectionsPerIp);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  onModuleInit(): void {
    installQuietReceiverEnd();
    installInflateRelease();
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: PER_MESSAGE_DEFLATE,
      maxPayload: this.config.limits.wsMaxMessageBytes,
    });
    this.server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server.on('upgrade', this.onUpgrade);
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Graceful shutdown: every SDK gets 1001 and reconnects (to another replica or after restart). */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.sweeper !== null) clearInterval(this.sweeper);
    for (const conn of this.connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down');
    const deadline = Date.now() + SHUTDOWN_CLOSE_WAIT_MS;
    while (this.connections.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const conn of this.connections) conn.ws.terminate();
    this.server?.removeListener('upgrade', this.onUpgrade);
    this.wss.close();
  }

  /** Contained: a failure refuses this one upgrade and never reaches the process. */
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    try {
      this.upgrade(req, socket, head);
    } catch (err) {
      this.failUpgrade(socket, err);
    }
  };

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (!isStreamingPath(path)) {
      // Another listener may own this path; otherwise nobody does.
      if (this.server !== null && this.server.listenerCount('upgrade') === 1) reject(socket, 404);
      return;
    }
    if (this.stopping) {
      reject(socket, 503);
      return;
    }
    const address = clientAddress(req, this.config.server.trustProxy);
    if (!this.perAddress.tryAcquire(address)) {
      this.log.debug('streaming connection refused: too many from one address');
      reject(socket, 429);
      return;
    }
    // The raw socket closes exactly once however the connection ends: the slot is freed there.
    if (this.perAddress.enabled) socket.once('close', () => this.perAddress.release(address));
    socket.on('error', ignore);
    this.validate(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)))
      .then((outcome) => {
        socket.removeListener('error', ignore);
        this.complete(req, socket, head, outcome);
      })
      .catch((err: unknown) => this.failUpgrade(socket, err));
  }

  private failUpgrade(socket: Duplex, err: unknown): void {
    this.log.error('streaming upgrade failed', { error: err instanceof Error ? err.message : String(err) });
    if (!socket.destroyed) reject(socket, 500);
  }

  private async validate(params: URLSearchParams): Promise<Outcome> {
    const type = params.get('type');
    if (type === 'relay-proxy') {
      // The token is the relay proxy's key itself (src/evaluation/relay/relay-hub.ts).
      const handshake = await this.relays.handshake(params.get('token'));
      return handshake.kind === 'ok' ? { kind: 'relay', handshake } : handshake;
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

  private complete(req: IncomingMessage, socket: Duplex, head: Buffer, outcome: Outcome): void {
    if (socket.destroyed) return;
    // Compression only for SDK connections (full syncs); relay proxies and refused handshakes
    // go on exactly as before.
    if (outcome.kind !== 'ok') delete req.headers['sec-websocket-extensions'];
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', ignore);
      try {
        this.accept(ws, outcome);
      } catch (err) {
        this.log.error('streaming connection setup failed', {
          error: err instanceof Error ? err.message : String(err),
        });
        ws.close(CLOSE_UNAVAILABLE, 'internal error');
      }
    });
  }

  private accept(ws: WebSocket, outcome: Outcome): void {
    if (outcome.kind === 'invalid') {
      this.log.debug('streaming handshake refused', { why: outcome.why });
      ws.close(CLOSE_INVALID_REQUEST, 'invalid request, close by server');
      return;
    }
    if (outcome.kind === 'unavailable') {
      ws.close(CLOSE_UNAVAILABLE, 'service unavailable, close by server');
      return;
    }
    if (this.stopping) {
      ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      return;
    }
    if (outcome.kind === 'relay') {
      this.relays.accept(ws, outcome.handshake);
      return;
    }
    this.register(ws, outcome.type, outcome.env);
  }

  private register(ws: WebSocket, type: 'server' | 'client', env: EnvironmentState): void {
    const socket = (ws as unknown as { _socket?: Duplex })._socket;
    if (socket !== undefined) quietSocketEnd(socket);
    const conn = new SdkConnection(
      ws,
      type,
      env,
      this.config.limits.wsMaxBufferedBytes,
      Date.now(),
      acceptsSharedDeflate(ws),
    );
    this.connections.add(conn);
    (type === 'server' ? env.servers : env.clients).add(conn);
    ws.on('message', (data) => {
      try {
        this.dispatcher.handle(conn, data, Date.now());
      } catch (err) {
        this.failConnection(conn, err);
      }
    });
    this.log.debug('streaming connection accepted', { envId: env.envId, type });
    ws.on('close', () => {
      this.connections.delete(conn);
      env.servers.delete(conn);
      env.clients.delete(conn);
    });
  }

  /** A message handler failed: only this connection is closed (1011, SDKs reconnect), logged once. */
  private failConnection(conn: SdkConnection, err: unknown): void {
    if (conn.closing) return;
    this.log.error('streaming message failed; closing the connection', {
      envId: conn.env.envId,
      error: err instanceof Error ? err.message : String(err),
    });
    conn.close(CLOSE_UNAVAILABLE, 'internal error');
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

function reject(socket: Duplex, status: number): void {
  socket.on('error', ignore);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
