import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketAdapter, WsMessageHandler } from '@nestjs/common';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { AppConfig } from '../../config/app-config';
import type { Logger } from '../../core/ports/logger.port';
import { parseSdkMessage } from '../../core/sdk/sdk-payloads';
import type { EnvironmentState } from '../environments/environment-state';
import { clientAddress, ConnectionsPerAddress } from './connections-per-address';
import { installQuietReceiverEnd, quietSocketEnd } from './quiet-close';
import {
  CLOSE_GOING_AWAY,
  CLOSE_INVALID_REQUEST,
  CLOSE_POLICY,
  CLOSE_UNAVAILABLE,
  SdkConnection,
} from './sdk-connection';

// Nest WebSocket adapter for FeatBit's streaming protocol, on `ws` (docs/evaluation-server.md).
// Nest's own ws adapter accepts every upgrade at once; SDKs need more: the handshake (token,
// secret, environment load) is validated asynchronously BEFORE the upgrade is accepted, then
// answered with a close code: 4003 invalid (SDKs stop retrying), 1011 store unavailable, 1001
// stopping. Only a stopping server (503) and an address over WS_MAX_CONNECTIONS_PER_IP (429, SDKs
// retry with back-off) are refused with an HTTP status. Pushes never pass through here: the
// fan-out writes pre-built frames to SdkConnection directly.

export type HandshakeOutcome =
  | { kind: 'ok'; type: 'server' | 'client'; env: EnvironmentState }
  | { kind: 'invalid'; why: string }
  | { kind: 'unavailable' };

type Handshake = (params: URLSearchParams) => Promise<HandshakeOutcome>;

/** Options of `@WebSocketGateway` this adapter reads. */
interface SdkWsOptions {
  path?: string;
}

/** Messages one connection may send per sweep window before it is closed (SDKs send ~1 per 15 s). */
export const MAX_MESSAGES_PER_WINDOW = 100;

function ignore(): void {}

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** A message failed: only this connection is closed (1011, SDKs reconnect), logged once. */
export function closeOnFailure(conn: SdkConnection, err: unknown, log: Logger): void {
  if (conn.closing) return;
  log.error('streaming message failed; closing the connection', {
    envId: conn.env.envId,
    error: err instanceof Error ? err.message : String(err),
  });
  conn.close(CLOSE_UNAVAILABLE, 'internal error');
}

function reject(socket: Duplex, status: number): void {
  socket.on('error', ignore);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The server of one gateway: the upgrade listener and what its gateway plugs in (afterInit). */
export class SdkWsServer {
  /** Set on shutdown: new upgrades get 503, handshakes finishing now get 1001. */
  stopping = false;
  handshake: Handshake | null = null;
  connect: ((conn: SdkConnection) => void) | null = null;

  constructor(
    readonly wss: WebSocketServer,
    readonly path: string,
  ) {}

  /** `path` itself or below it, case-insensitively (SDKs append nothing, proxies may). */
  matches(path: string): boolean {
    const lower = path.toLowerCase();
    return lower === this.path || lower.startsWith(`${this.path}/`);
  }
}

export class SdkWsAdapter implements WebSocketAdapter<SdkWsServer, SdkConnection, SdkWsOptions> {
  private readonly perAddress: ConnectionsPerAddress;
  private readonly servers = new Map<
    SdkWsServer,
    (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  >();
  private readonly log: Logger;

  constructor(
    private readonly httpServer: Server,
    private readonly config: AppConfig,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'streaming' });
    this.perAddress = new ConnectionsPerAddress(config.limits.wsMaxConnectionsPerIp);
  }

  /** Upgrades on the application's HTTP server (no port of its own: `port` is ignored). */
  create(_port: number, options?: SdkWsOptions): SdkWsServer {
    installQuietReceiverEnd();
    const wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: this.config.limits.wsMaxMessageBytes,
    });
    const server = new SdkWsServer(wss, (options?.path ?? '/').toLowerCase());
    // Contained: a failure refuses this one upgrade and never reaches the process.
    const listener = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      try {
        this.upgrade(server, req, socket, head);
      } catch (err) {
        this.failUpgrade(socket, err);
      }
    };
    this.servers.set(server, listener);
    this.httpServer.on('upgrade', listener);
    return server;
  }

  bindClientConnect(server: SdkWsServer, callback: (conn: SdkConnection) => void): void {
    server.connect = callback;
  }

  bindClientDisconnect(conn: SdkConnection, callback: () => void): void {
    conn.ws.on('close', callback);
  }

  /**
   * Routes `{"messageType": …, "data": …}` (type matched case-insensitively) to the gateway's
   * @SubscribeMessage handlers, after the rate window and the bounded JSON parse; unknown types and
   * malformed messages are ignored without a reply. Handlers reply themselves: results are unused.
   */
  bindMessageHandlers(conn: SdkConnection, handlers: WsMessageHandler[]): void {
    const routes = new Map(handlers.map((h) => [h.message.toLowerCase(), h.callback]));
    conn.ws.on('message', (data) => {
      try {
        if (!this.admit(conn, Date.now())) return;
        const message = parseSdkMessage(toText(data));
        if (message === null) return;
        void routes.get(message.type)?.(message.data);
      } catch (err) {
        closeOnFailure(conn, err, this.log);
      }
    });
  }

  close(server: SdkWsServer): void {
    const listener = this.servers.get(server);
    if (listener !== undefined) this.httpServer.removeListener('upgrade', listener);
    this.servers.delete(server);
    server.wss.close();
  }

  /** Called by Nest after close(); nothing is left to release. */
  dispose(): void {}

  private admit(conn: SdkConnection, now: number): boolean {
    if (conn.closing) return false;
    conn.lastSeen = now;
    if (++conn.messages > MAX_MESSAGES_PER_WINDOW) {
      this.log.warn('closing a connection that sends too many messages', { envId: conn.env.envId });
      conn.close(CLOSE_POLICY, 'too many messages');
      return false;
    }
    return true;
  }

  private upgrade(server: SdkWsServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if (!server.matches(q < 0 ? url : url.slice(0, q))) {
      // Another listener may own this path; otherwise nobody does.
      if (this.httpServer.listenerCount('upgrade') === 1) reject(socket, 404);
      return;
    }
    const handshake = server.handshake;
    if (server.stopping || handshake === null) {
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
    handshake(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)))
      .then((outcome) => {
        socket.removeListener('error', ignore);
        this.complete(server, req, socket, head, outcome);
      })
      .catch((err: unknown) => this.failUpgrade(socket, err));
  }

  private failUpgrade(socket: Duplex, err: unknown): void {
    this.log.error('streaming upgrade failed', { error: err instanceof Error ? err.message : String(err) });
    if (!socket.destroyed) reject(socket, 500);
  }

  private complete(
    server: SdkWsServer,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    outcome: HandshakeOutcome,
  ): void {
    if (socket.destroyed) return;
    server.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', ignore);
      try {
        this.accept(server, ws, outcome);
      } catch (err) {
        this.log.error('streaming connection setup failed', {
          error: err instanceof Error ? err.message : String(err),
        });
        ws.close(CLOSE_UNAVAILABLE, 'internal error');
      }
    });
  }

  private accept(server: SdkWsServer, ws: WebSocket, outcome: HandshakeOutcome): void {
    if (outcome.kind === 'invalid') {
      this.log.debug('streaming handshake refused', { why: outcome.why });
      ws.close(CLOSE_INVALID_REQUEST, 'invalid request, close by server');
      return;
    }
    if (outcome.kind === 'unavailable') {
      ws.close(CLOSE_UNAVAILABLE, 'service unavailable, close by server');
      return;
    }
    if (server.stopping || server.connect === null) {
      ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      return;
    }
    // `_socket` is private to ws: package.json pins ws exactly so that an upgrade cannot move it.
    const socket = (ws as unknown as { _socket?: Duplex })._socket;
    if (socket !== undefined) quietSocketEnd(socket);
    const conn = new SdkConnection(
      ws,
      outcome.type,
      outcome.env,
      this.config.limits.wsMaxBufferedBytes,
      Date.now(),
    );
    // Nest then calls the gateway's handleConnection, bindMessageHandlers and bindClientDisconnect.
    server.connect(conn);
  }
}
