import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { EndUser } from '../../core/end-users/end-user';
import type { EnvConnection, EnvironmentState } from '../environments/environment-state';
import { clientSyncHead } from '../../core/sdk/sdk-payloads';
import { cachedDeflatedTextFrame, cachedTextFrame, framePayload, stringTextFrame } from './text-frame';

// One SDK WebSocket. Kept small (50,000 idle connections must fit in little memory): no timers or
// closures of its own; the gateway's sweeper checks liveness and message rates for all of them.

// ws never compresses on its own (its per-connection deflate would queue sends and defeat the
// shared frames); compressed full syncs are frames built once (see full-sync-sender.ts).
const TEXT_FRAME = { binary: false, compress: false } as const;

/** ws internals read for the shared-frame fast path (stable across ws 8.x; ws is pinned exactly). */
interface WsInternals {
  _socket?: Duplex;
  _sender?: { _state?: number; _queue?: unknown[] };
}

/**
 * The socket to write a pre-built frame to, or null when ws must frame the message itself. Safe
 * only while ws's sender has nothing queued: it queues only for compression and Blobs, and this
 * server uses neither (ws is never asked to compress and every payload is a string or Buffer).
 */
function rawSocketOf(ws: WebSocket): Duplex | null {
  const internals = ws as unknown as WsInternals;
  const sender = internals._sender;
  if (internals._socket === undefined || sender === undefined) return null;
  if (sender._state !== 0 || (sender._queue !== undefined && sender._queue.length > 0)) return null;
  return internals._socket;
}

export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_POLICY = 1008;
export const CLOSE_UNAVAILABLE = 1011;
export const CLOSE_INVALID_REQUEST = 4003;

export class SdkConnection implements EnvConnection {
  user: EndUser | null = null;
  userKeyJson = '""';
  userSignature = '';
  /** Set after the first data-sync reply; pushes wait for it. */
  synced = false;
  /** Coarse time of the last message (set from the sweeper's clock). */
  lastSeen: number;
  /** Messages received in the current rate window. */
  messages = 0;
  /** Set once the connection is over a limit: further messages are ignored. */
  closing = false;
  /**
   * Data-sync requests received while a compressed full sync is being prepared for this connection:
   * answered after it, in order (null: none pending).
   */
  waiting: unknown[] | null = null;
  /** The client negotiated permessage-deflate so that shared compressed messages are valid for it. */
  readonly deflate: boolean;
  /** The client push envelope up to the flag list, encoded on the first push after attachUser. */
  private patchHead: Buffer | null = null;

  constructor(
    readonly ws: WebSocket,
    readonly kind: 'server' | 'client',
    readonly env: EnvironmentState,
    private readonly maxBufferedBytes: number,
    now: number,
    deflate = false,
  ) {
    this.lastSeen = now;
    this.deflate = deflate;
  }

  /**
   * Writes one text message. Writes are ordered per socket; a peer that does not read is cut off.
   * A Buffer is a payload shared by many connections: its frame is built once and written as is.
   * A string (one connection's own message) is framed into a single buffer: one write each.
   */
  send(payload: Buffer | string): void {
    this.sendFrame(typeof payload === 'string' ? stringTextFrame(payload) : cachedTextFrame(payload));
  }

  /** Writes a complete text frame (see text-frame.ts); ws frames the payload again only when it must. */
  sendFrame(frame: Buffer): void {
    const ws = this.ws;
    if (ws.readyState !== WebSocket.OPEN) return;
    const socket = rawSocketOf(ws);
    if (socket === null) ws.send(framePayload(frame), TEXT_FRAME);
    else socket.write(frame);
    if (ws.bufferedAmount > this.maxBufferedBytes) {
      this.closing = true;
      ws.terminate();
    }
  }

  /**
   * Writes a compressed message (`message`: its permessage-deflate payload, `plain`: the same
   * text uncompressed, sent instead when ws must frame it itself). Only for `deflate` connections.
   */
  sendDeflated(message: Buffer, plain: Buffer): void {
    const ws = this.ws;
    if (ws.readyState !== WebSocket.OPEN) return;
    const socket = rawSocketOf(ws);
    if (socket === null) ws.send(plain, TEXT_FRAME);
    else socket.write(cachedDeflatedTextFrame(message));
    if (ws.bufferedAmount > this.maxBufferedBytes) {
      this.closing = true;
      ws.terminate();
    }
  }

  clientPatchHead(): Buffer {
    this.patchHead ??= Buffer.from(clientSyncHead('patch', this.userKeyJson));
    return this.patchHead;
  }

  attachUser(user: EndUser, signature: string): void {
    this.user = user;
    this.userKeyJson = JSON.stringify(user.keyId);
    this.userSignature = signature;
    this.patchHead = null;
  }

  close(code: number, reason: string): void {
    this.closing = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }
}
