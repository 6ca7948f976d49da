import { connect, type Socket } from 'node:net';
import { Histogram, nowUs } from '../els/histogram';

// Closed-loop keep-alive HTTP/1.1 load for the peers bench: each connection sends the next request
// when the previous answer is complete. Unlike bench/els/http-client.ts it reads chunked answers
// (Unleash's compression middleware streams them) and builds each request on the fly, so that
// every request can carry a new user. One request in flight per connection: every byte read
// belongs to the answer in flight, which gives the bytes on the wire per answer.

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:\s*chunked/i;
const CONTENT_ENCODING = /\r\ncontent-encoding:\s*([^\r]+)/i;

type State = 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer';

class Connection {
  private readonly socket: Socket;
  private state: State = 'head';
  private pending: Buffer = Buffer.alloc(0);
  private left = 0;
  private status = 0;
  private encoding = 'identity';
  private wire = 0;
  private closed = false;
  sentAt = 0;

  constructor(
    port: number,
    private readonly done: (conn: Connection, status: number, wireBytes: number, encoding: string) => void,
    private readonly lost: (error: string) => void,
  ) {
    this.socket = connect({ host: '127.0.0.1', port });
    this.socket.setNoDelay(true);
    let error: string | null = null;
    this.socket.on('error', (err: Error) => (error ??= err.message));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('close', () => {
      if (!this.closed) this.lost(error ?? 'connection closed');
      this.closed = true;
    });
  }

  send(request: Buffer): void {
    this.sentAt = nowUs();
    this.socket.write(request);
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  /** The next CRLF-terminated line of `pending`, or null until it is complete. */
  private line(): string | null {
    const end = this.pending.indexOf(CRLF);
    if (end < 0) return null;
    const text = this.pending.toString('latin1', 0, end);
    this.pending = this.pending.subarray(end + 2);
    return text;
  }

  private onData(chunk: Buffer): void {
    this.wire += chunk.length;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.state === 'head') {
        const end = this.pending.indexOf(HEADER_END);
        if (end < 0) return;
        const head = this.pending.toString('latin1', 0, end);
        this.pending = this.pending.subarray(end + 4);
        this.status = Number(head.slice(9, 12));
        this.encoding = CONTENT_ENCODING.exec(head)?.[1].trim() ?? 'identity';
        if (CHUNKED.test(head)) this.state = 'chunk-size';
        else {
          this.left = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
          this.state = 'body';
        }
      } else if (this.state === 'body' || this.state === 'chunk-data') {
        const take = Math.min(this.left, this.pending.length);
        this.left -= take;
        this.pending = this.pending.subarray(take);
        if (this.left > 0) return;
        if (this.state === 'body') {
          this.complete();
          return;
        }
        this.state = 'chunk-end';
      } else if (this.state === 'chunk-end') {
        if (this.line() === null) return;
        this.state = 'chunk-size';
      } else if (this.state === 'chunk-size') {
        const text = this.line();
        if (text === null) return;
        this.left = parseInt(text, 16);
        this.state = this.left === 0 ? 'trailer' : 'chunk-data';
      } else {
        const text = this.line();
        if (text === null) return;
        if (text === '') {
          this.complete();
          return;
        }
      }
    }
  }

  private complete(): void {
    const wire = this.wire;
    this.wire = 0;
    this.state = 'head';
    this.pending = Buffer.alloc(0);
    this.done(this, this.status, wire, this.encoding);
  }
}

/** A request: method, path and headers, with a JSON body when given. */
export function buildRequest(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  port: number,
  headers: Record<string, string>,
  body?: string,
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  if (body === undefined) return Buffer.from(`${head}\r\n`, 'latin1');
  const bytes = Buffer.from(body);
  head += `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

export interface LoadSpec {
  port: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** The n-th request (n counts from 0 over the whole run, warm-up included). */
  request(n: number): Buffer;
  /** Called when the measured window opens and closes (server CPU and memory samples). */
  onWindow(edge: 'start' | 'end'): void;
}

export interface LoadResult {
  requests: number;
  windowMs: number;
  latency: Histogram;
  wireBytes: number;
  byStatus: Record<string, number>;
  /** Content-Encoding of the measured answers. */
  encodings: Record<string, number>;
  errors: Record<string, number>;
  /** CPU time of this (load-generating) process during the window, percent of one core. */
  loadCpuPercent: number;
}

export function closedLoop(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve) => {
    const latency = new Histogram();
    const byStatus: Record<string, number> = {};
    const encodings: Record<string, number> = {};
    const errors: Record<string, number> = {};
    let n = 0;
    let requests = 0;
    let wireBytes = 0;
    let measuring = false;
    let stopping = false;
    const done = (conn: Connection, status: number, wire: number, encoding: string) => {
      if (measuring) {
        latency.record(nowUs() - conn.sentAt);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        encodings[encoding] = (encodings[encoding] ?? 0) + 1;
        requests++;
        wireBytes += wire;
      }
      if (!stopping) conn.send(spec.request(n++));
    };
    const lost = (error: string) => {
      if (!stopping) errors[error] = (errors[error] ?? 0) + 1;
    };
    const conns = Array.from({ length: spec.connections }, () => new Connection(spec.port, done, lost));
    for (const c of conns) c.send(spec.request(n++));
    setTimeout(() => {
      spec.onWindow('start');
      measuring = true;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      setTimeout(() => {
        measuring = false;
        stopping = true;
        spec.onWindow('end');
        const windowMs = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        for (const c of conns) c.destroy();
        const loadCpuPercent = ((cpu.user + cpu.system) / 1000 / windowMs) * 100;
        resolve({ requests, windowMs, latency, wireBytes, byStatus, encodings, errors, loadCpuPercent });
      }, spec.durationMs);
    }, spec.warmupMs);
  });
}
