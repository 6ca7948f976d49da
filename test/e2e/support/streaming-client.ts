/* eslint-disable @typescript-eslint/no-explicit-any -- messages are untyped JSON */
import { WebSocket } from 'ws';
import { buildStreamingToken } from '../../../src/core/sdk/streaming-token';

// A raw FeatBit streaming client (no SDK): builds the token as SDKs do, records every message and
// the close code. For protocol tests and load tools.

export interface ClosedInfo {
  code: number;
  reason: string;
}

export interface StreamingOptions {
  /** 'server' | 'client', or anything else to test refusals. */
  type?: string;
  /** Overrides the token (forged / expired tokens). */
  token?: string;
  /** Token time (default now). */
  tokenTime?: number;
  version?: string;
  path?: string;
  maxPayload?: number;
}

export class StreamingClient {
  readonly messages: unknown[] = [];
  readonly raw: string[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<ClosedInfo>;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      this.raw.push(text);
      try {
        this.messages.push(JSON.parse(text));
      } catch {
        this.messages.push(text);
      }
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => w());
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits for the n-th message (1-based) received so far or later. */
  async message(n: number, timeoutMs = 5_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${n} messages, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages[n - 1];
  }

  /**
   * The next message after the ones already received. Only for replies to what the test sends
   * right before: a push caused by another process may already be here (count from before it).
   */
  async next(timeoutMs = 5_000): Promise<any> {
    return this.message(this.messages.length + 1, timeoutMs);
  }

  /** Sends a data-sync and waits for its reply. */
  async dataSync(data: Record<string, unknown>, timeoutMs = 5_000): Promise<any> {
    const n = this.messages.length + 1;
    this.send({ messageType: 'data-sync', data });
    return this.message(n, timeoutMs);
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }
}

/** Opens /streaming with a token built from `secret` (unless options.token is given). */
export function openStreaming(
  baseWsUrl: string,
  secret: string,
  options: StreamingOptions = {},
): StreamingClient {
  const token = options.token ?? buildStreamingToken(secret, options.tokenTime ?? Date.now());
  const params = new URLSearchParams({ type: options.type ?? 'server', token });
  if (options.version !== undefined) params.set('version', options.version);
  const ws = new WebSocket(`${baseWsUrl}${options.path ?? '/streaming'}?${params.toString()}`, {
    perMessageDeflate: false,
    maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
  });
  return new StreamingClient(ws);
}
