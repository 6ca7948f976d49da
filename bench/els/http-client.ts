import { connect, type Socket } from 'node:net';
import { READ_BUFFER, type WsTarget } from './ws-client';

// A minimal keep-alive HTTP/1.1 client for closed-loop load: one request in flight per connection,
// requests are pre-built buffers, responses are parsed just enough to find the status and the end
// of the body (Content-Length; the evaluation server does not chunk these answers).

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:\s*chunked/i;

export interface HttpHandler {
  /** A complete response; `body` only when the caller asked to keep bodies. */
  onResponse(conn: HttpConnection, status: number, body: Buffer | null): void;
  onClose(conn: HttpConnection, error: string | null): void;
}

export class HttpConnection {
  readonly socket: Socket;
  private pending: Buffer | null = null;
  private status = 0;
  private bodyLeft = -1;
  private body: Buffer | null = null;
  private bodyHave = 0;
  private error: string | null = null;
  private closed = false;
  /** When the request in flight was written (µs, set by the caller). */
  sentAt = 0;

  constructor(
    target: WsTarget,
    private readonly handler: HttpHandler,
    private readonly keepBody: boolean,
  ) {
    this.socket = connect({
      host: target.host,
      port: target.port,
      localAddress: target.localAddress,
      onread: { buffer: READ_BUFFER, callback: (n: number, buf: Buffer) => this.onRead(n, buf) },
    });
    this.socket.setNoDelay(true);
    this.socket.on('error', (err: Error) => {
      this.error ??= err.message;
    });
    this.socket.on('close', () => {
      if (this.closed) return;
      this.closed = true;
      this.handler.onClose(this, this.error);
    });
  }

  send(request: Buffer): void {
    if (!this.closed) this.socket.write(request);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private fail(error: string): void {
    this.error ??= error;
    this.socket.destroy();
  }

  private onRead(n: number, buf: Buffer): boolean {
    this.onData(buf.subarray(0, n));
    return true; // keep reading
  }

  private onData(chunk: Buffer): void {
    let data = chunk;
    let off = 0;
    while (off < data.length && !this.closed) {
      if (this.bodyLeft < 0) {
        if (this.pending !== null) {
          data = Buffer.concat([this.pending, data.subarray(off)]);
          off = 0;
          this.pending = null;
        }
        const end = data.indexOf(HEADER_END, off);
        if (end < 0) {
          this.pending = Buffer.from(data.subarray(off)); // the read buffer is reused
          if (this.pending.length > 16384) this.fail('response head too long');
          return;
        }
        const head = data.toString('latin1', off, end);
        this.status = Number(head.slice(9, 12));
        if (CHUNKED.test(head)) return this.fail('chunked responses are not supported');
        const m = CONTENT_LENGTH.exec(head);
        this.bodyLeft = m === null ? 0 : Number(m[1]);
        this.body = this.keepBody ? Buffer.allocUnsafe(this.bodyLeft) : null;
        this.bodyHave = 0;
        off = end + 4;
        if (this.bodyLeft === 0) this.complete();
        continue;
      }
      const take = Math.min(this.bodyLeft, data.length - off);
      if (this.body !== null) data.copy(this.body, this.bodyHave, off, off + take);
      this.bodyHave += take;
      this.bodyLeft -= take;
      off += take;
      if (this.bodyLeft === 0) this.complete();
    }
  }

  private complete(): void {
    this.bodyLeft = -1;
    const body = this.body;
    this.body = null;
    this.handler.onResponse(this, this.status, body);
  }
}

/** A request buffer: method, path, headers and an optional JSON body. */
export function httpRequest(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string>,
  body?: string,
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  if (body !== undefined) {
    const bytes = Buffer.from(body);
    head += `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}
