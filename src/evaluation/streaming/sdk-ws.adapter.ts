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
import { acceptsSharedDeflate, installInflateRelease, PER_MESSAGE_DEFLATE } from './shared-deflate';

// Nest WebSocket adapter for FeatBit's streaming protocol, on `ws` (docs/evaluation-server.md).
// Nest's own ws adapter accepts every upgrade at once; SDKs need more: the handshake (token,
// secret, environment load) is validated asynchronously BEFORE the upgrade is accepted, then
// answered with a close code: 4003 invalid (SDKs stop retrying), 1011 store unavailable, 1001
// stopping (1000 would stop the .NET and Go SDKs from reconnecting). Only a stopping server (503)
// and an address over WS_MAX_CONNECTIONS_PER_IP (429, SDKs retry with back-off) are refused with
// an HTTP status. Pushes never pass through here: the fan-out writes pre-built frames to
// SdkConnection directly. Nothing per connection goes through RxJS beyond Nest's own connect and
// disconnect events (the first attempt's per-connection cost: docs/performance.md).

export type HandshakeOutcome =
  | { kind: 'ok'; type: 'server' | 'client'; env: EnvironmentState }
  /** Another protocol on the same path (relay proxies): its owner takes the socket as it is. */
  | { kind: 'handover'; accept: (ws: WebSocket) => void }
  | { kind: 'invalid'; why: string }
  | { kind: 'unavailable' };

type Handshake = (params: URLSearchParams) => Promise<HandshakeOutcome>;

/** A handler of the SDK protocol's own messages; it replies itself (a throw closes its connection, 1011). */
export type SdkMessageRoute = (conn: SdkConnection, data: unknown) => void;

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

/** The server of one gateway: its path, and what its gateway plugs in (afterInit). */
export class SdkWsServer {
  /** Set on shutdown: new upgrades get 503, handshakes finishing now get 1001. */
  stopping = false;
  handshake: Handshake | null = null;
  connect: ((conn: SdkConnection) => void) | null = null;
  /** The SDK protocol's messages by type (lower case), called without Nest's per-message wrapper. */
  readonly routes = new Map<string, SdkMessageRoute>();

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
  /** The one SDK gateway's server: its routes serve every connection (see bindMessageHandlers). */
  private server: SdkWsServer | null = null;
  private readonly upgradeListeners = new Map<
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
    if (this.server !== null) throw new Error('SdkWsAdapter serves one gateway (the SDK streaming one)');
    installQuietReceiverEnd();
    installInflateRelease();
    const wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: PER_MESSAGE_DEFLATE,
      maxPayload: this.config.limits.wsMaxMessageBytes,
    });
    const server = new SdkWsServer(wss, (options?.path ?? '/').toLowerCase());
    this.server = server;
    // Contained: a failure refuses this one upgrade and never reaches the process.
    const listener = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      try {
        this.upgrade(server, req, socket, head);
      } catch (err) {
        this.failUpgrade(socket, err);
      }
    };
    this.upgradeListeners.set(server, listener);
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
   * Routes `{"messageType": …, "data": …}` (type matched case-insensitively), after the rate window
   * and the bounded JSON parse: the SDK protocol's messages to the gateway's routes, called
   * directly, any other type to the gateway's @SubscribeMessage handlers if it has one; unknown
   * types and malformed messages are ignored without a reply. The SDK messages skip Nest's
   * per-message wrapper on purpose: it cost 9–20 % more CPU per connection in connection storms
   * (docs/performance.md, "Nest WebSocket gateway").
   */
  bindMessageHandlers(conn: SdkConnection, handlers: WsMessageHandler<string>[]): void {
    const routes = this.server?.routes ?? new Map<string, SdkMessageRoute>();
    conn.ws.on('message', (data) => {
      try {
        if (!this.admit(conn, Date.now())) return;
        const message = parseSdkMessage(toText(data));
        if (message === null) return;
        const route = routes.get(message.type);
        if (route !== undefined) {
          route(conn, message.data);
          return;
        }
        for (const handler of handlers) {
          if (handler.message !== message.type) continue;
          // Nest's wrapper is async: a handler's failure arrives as a rejection, never unhandled.
          const result: unknown = handler.callback(message.data);
          if (result instanceof Promise) result.catch((err: unknown) => closeOnFailure(conn, err, this.log));
          return;
        }
      } catch (err) {
        closeOnFailure(conn, err, this.log);
      }
    });
  }

  close(server: SdkWsServer): void {
    const listener = this.upgradeListeners.get(server);
    if (listener !== undefined) this.httpServer.removeListener('upgrade', listener);
    this.upgradeListeners.delete(server);
    if (this.server === server) this.server = null;
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
    // Compression only for SDK connections (full syncs); relay proxies and refused handshakes
    // go on exactly as before.
    if (outcome.kind !== 'ok') delete req.headers['sec-websocket-extensions'];
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
    if (outcome.kind === 'handover') {
      outcome.accept(ws);
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
      acceptsSharedDeflate(ws),
    );
    // Nest then calls the gateway's handleConnection, bindMessageHandlers and bindClientDisconnect.
    server.connect(conn);
  }
}
