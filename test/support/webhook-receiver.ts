import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real local HTTP receiver for webhook tests: records every request and answers the statuses it is
 * given in turn (then the last one for ever).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private statuses: number[] = [200];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(host = '127.0.0.1'): Promise<WebhookReceiver> {
    const state: { receiver?: WebhookReceiver } = {};
    const server = createServer((req, res) => {
      const receiver = state.receiver!;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        receiver.received.push({
          at: Date.now(),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = receiver.statuses.length > 1 ? receiver.statuses.shift()! : receiver.statuses[0];
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver failed');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    state.receiver = new WebhookReceiver(server, `http://${host}:${port}/hook`);
    return state.receiver;
  }

  /** The statuses of the next requests, in order; the last one stays. */
  answer(...statuses: number[]): void {
    this.statuses = statuses;
  }

  reset(): void {
    this.received.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
