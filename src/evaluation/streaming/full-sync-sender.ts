import { WebSocket } from 'ws';
import type { Metrics } from '../../core/ports/metrics.port';
import { EncodedBody, MIN_COMPRESS_BYTES } from '../environments/encoded-body';
import type { EnvironmentState } from '../environments/environment-state';
import type { SdkConnection } from './sdk-connection';

// Full data-syncs (issue 22): compressed for connections that negotiated permessage-deflate
// (shared-deflate.ts), plain for the others. A payload is compressed once per version, on the
// thread pool, and the same compressed message goes to every connection asking for it (1,000
// connections asking at once share one compression). A connection waiting for it is marked synced
// only once it is sent (pushes skip it until then), and gets the newest version's plain payload if
// a change arrived meanwhile; its further data-syncs are answered after it, in order. Connections
// without compression are answered at once, as before.

/** Client full syncs kept compressed per environment version (by user signature). */
const MAX_CLIENT_BODIES = 256;
const MAX_CLIENT_BODY_BYTES = 8 * 1024 * 1024;

interface ClientBodies {
  version: number;
  bytes: number;
  bodies: Map<string, { json: string; body: EncodedBody }>;
}

export class FullSyncSender {
  private readonly clientBodies = new WeakMap<EnvironmentState, ClientBodies>();

  constructor(
    private readonly metrics: Metrics,
    private readonly onError: (conn: SdkConnection, err: unknown) => void,
  ) {}

  /** The server full sync (`body`: the environment's payload of this version). */
  sendServer(conn: SdkConnection, body: EncodedBody, resume: (data: unknown) => void): void {
    this.send(conn, body, () => conn.env.serverSync(0), resume);
  }

  /** A client full sync for the connection's user (`json`: its payload of this version). */
  sendClient(conn: SdkConnection, json: string, resume: (data: unknown) => void): void {
    // (UTF-16 length: close enough to the byte length for a threshold)
    if (!conn.deflate || json.length < MIN_COMPRESS_BYTES) {
      this.sendPlain(conn, json);
      return;
    }
    const { user, userKeyJson, userSignature } = conn;
    const refresh = () => (user === null ? null : conn.env.clientSync(user, userKeyJson, userSignature, 0));
    this.send(conn, this.clientBody(conn.env, userSignature, json), refresh, resume);
  }

  private send(
    conn: SdkConnection,
    body: EncodedBody,
    refresh: () => Buffer | string | null,
    resume: (data: unknown) => void,
  ): void {
    if (!conn.deflate || !body.compressible) {
      this.sendPlain(conn, body.plain);
      return;
    }
    const ready = body.ready('deflate-message');
    if (ready !== undefined) {
      this.sendCompressed(conn, ready, body.plain);
      return;
    }
    const version = conn.env.version;
    conn.waiting = [];
    const done = (message: Buffer | null) => {
      const waiting = conn.waiting ?? [];
      conn.waiting = null;
      if (conn.ws.readyState !== WebSocket.OPEN) return;
      try {
        if (conn.env.version === version) {
          if (message === null) this.sendPlain(conn, body.plain);
          else this.sendCompressed(conn, message, body.plain);
        } else {
          // A change came in while compressing: the newest payload, plain (no second wait).
          this.sendPlain(conn, refresh() ?? body.plain);
        }
        resumeWaiting(conn, waiting, resume);
      } catch (err) {
        this.onError(conn, err);
      }
    };
    body.encode('deflate-message').then(done, () => done(null));
  }

  private sendPlain(conn: SdkConnection, payload: Buffer | string): void {
    conn.send(payload);
    conn.synced = true;
    const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    this.metrics.fullSyncSent(conn.kind, false, bytes);
  }

  private sendCompressed(conn: SdkConnection, message: Buffer, plain: Buffer): void {
    conn.sendDeflated(message, plain);
    conn.synced = true;
    this.metrics.fullSyncSent(conn.kind, true, message.length);
  }

  /** The shared compressible body of a client full payload (same user, same version: same body). */
  private clientBody(env: EnvironmentState, signature: string, json: string): EncodedBody {
    let cache = this.clientBodies.get(env);
    if (cache === undefined || cache.version !== env.version) {
      cache = { version: env.version, bytes: 0, bodies: new Map() };
      this.clientBodies.set(env, cache);
    }
    const cached = cache.bodies.get(signature);
    if (cached !== undefined && cached.json === json) return cached.body;
    const body = new EncodedBody(Buffer.from(json));
    if (cache.bodies.size >= MAX_CLIENT_BODIES || cache.bytes + body.plain.length > MAX_CLIENT_BODY_BYTES) {
      cache.bodies.clear();
      cache.bytes = 0;
    }
    cache.bodies.set(signature, { json, body });
    cache.bytes += body.plain.length;
    return body;
  }
}

/** Answers the data-syncs that waited, in order; stops if one of them has to wait in turn. */
function resumeWaiting(conn: SdkConnection, waiting: unknown[], resume: (data: unknown) => void): void {
  for (let i = 0; i < waiting.length; i++) {
    if (conn.closing) return;
    resume(waiting[i]);
    if (conn.waiting !== null) {
      conn.waiting.push(...waiting.slice(i + 1));
      return;
    }
  }
}
