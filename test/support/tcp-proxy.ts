import { createServer, type Server, type Socket, connect } from 'node:net';
import { freePort } from './free-port';

/**
 * A loopback TCP proxy in front of a test server, so a test can take that server away from one
 * client (stop: every connection dropped, port closed) and bring it back (start) without touching
 * the shared server or the other clients. In-process Node rather than socat: no extra program, no
 * child processes to reap, and the byte count that cutAfterBytes needs.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private cutAfter: { bytes: number; onCut: () => void } | null = null;
  private forwarded = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  get listening(): boolean {
    return this.server !== null;
  }

  /** Opens the port (idempotent); resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk: Buffer) => {
        this.forwarded += chunk.length;
        upstream.write(chunk);
        if (this.cutAfter && this.forwarded >= this.cutAfter.bytes) {
          const { onCut } = this.cutAfter;
          this.cutAfter = null;
          void this.stop().then(onCut);
        }
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Drops every connection and closes the port (idempotent). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops the proxy once `bytes` more bytes have gone from client to server. */
  cutAfterBytes(bytes: number): Promise<void> {
    return new Promise((resolve) => {
      this.cutAfter = { bytes: this.forwarded + bytes, onCut: resolve };
    });
  }
}

/** A proxy to `targetHost:targetPort` on a free loopback port, not yet started. */
export async function createTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  return new TcpProxy(await freePort(), { host: targetHost, port: targetPort });
}
