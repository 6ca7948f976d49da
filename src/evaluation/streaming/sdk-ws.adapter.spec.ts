import { EventEmitter } from 'node:events';
import { Server } from 'node:http';
import type { WsMessageHandler } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { silentLogger } from '../../core/ports/logger.port';
import type { EnvironmentState } from '../environments/environment-state';
import { CLOSE_POLICY, CLOSE_UNAVAILABLE, SdkConnection } from './sdk-connection';
import { MAX_MESSAGES_PER_WINDOW, SdkWsAdapter } from './sdk-ws.adapter';

// The adapter's message routing: what reaches the gateway's @SubscribeMessage handlers, and what
// a connection may not do. The upgrade path and close codes are covered end to end
// (test/e2e/evaluation/streaming-protocol.e2e-spec.ts).

class FakeWs extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  closed: { code: number; reason: string } | null = null;
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 2;
  }
}

const config = {
  limits: { wsMaxConnectionsPerIp: 0, wsMaxMessageBytes: 65_536, wsMaxBufferedBytes: 1 << 20 },
  server: { trustProxy: false },
} as unknown as AppConfig;

/** `routes`: the gateway's direct SDK routes; `handlers`: Nest's @SubscribeMessage handlers. */
function setUp(
  handlers: Record<string, (data: unknown) => unknown>,
  routes: Record<string, (conn: SdkConnection, data: unknown) => void> = {},
) {
  const adapter = new SdkWsAdapter(new Server(), config, silentLogger);
  const server = adapter.create(0, { path: '/streaming' });
  for (const [type, route] of Object.entries(routes)) server.routes.set(type, route);
  const ws = new FakeWs();
  const env = { envId: 'env-1' } as unknown as EnvironmentState;
  const conn = new SdkConnection(ws as never, 'server', env, 1 << 20, 0);
  const bound: WsMessageHandler<string>[] = Object.entries(handlers).map(([message, callback]) => ({
    message,
    // Nest's wrapped handlers return a promise; these plain ones may throw or return anything.
    callback: callback as WsMessageHandler<string>['callback'],
    isAckHandledManually: false,
  }));
  adapter.bindMessageHandlers(conn, bound);
  const receive = (value: unknown) =>
    ws.emit('message', Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
  return { ws, conn, receive };
}

describe('SdkWsAdapter message routing', () => {
  it("sends the SDK protocol's messages to the gateway's routes and other types to Nest's handlers", () => {
    const seen: [string, unknown][] = [];
    const { conn, receive } = setUp(
      { 'data-sync': () => seen.push(['nest data-sync', null]), custom: (data) => seen.push(['nest', data]) },
      { 'data-sync': (c, data) => seen.push([c === conn ? 'route' : 'wrong connection', data]) },
    );
    receive({ messageType: 'data-sync', data: { timestamp: 0 } });
    receive({ messageType: 'Custom', data: 1 });
    expect(seen).toEqual([
      ['route', { timestamp: 0 }],
      ['nest', 1],
    ]);
  });

  it('closes only this connection (1011) when a route throws', () => {
    const { ws, receive } = setUp(
      {},
      {
        ping: () => {
          throw new Error('boom');
        },
      },
    );
    receive({ messageType: 'ping', data: {} });
    expect(ws.closed?.code).toBe(CLOSE_UNAVAILABLE);
  });

  it('routes by messageType, case-insensitively, with the message data', () => {
    const seen: [string, unknown][] = [];
    const { receive } = setUp({
      ping: (data) => seen.push(['ping', data]),
      'data-sync': (data) => seen.push(['data-sync', data]),
    });
    receive({ messageType: 'PING', data: {} });
    receive({ messageType: 'Data-Sync', data: { timestamp: 5 } });
    expect(seen).toEqual([
      ['ping', {}],
      ['data-sync', { timestamp: 5 }],
    ]);
  });

  it('ignores malformed messages, unknown types and messages without data, without a reply or a close', () => {
    const seen: unknown[] = [];
    const { ws, receive } = setUp({ ping: (data) => seen.push(data) });
    receive('not json');
    receive('[1,2]');
    receive({ messageType: 'ping' });
    receive({ messageType: 'rp-agent-status', data: {} });
    receive({ messageType: 7, data: {} });
    receive('{"messageType":"ping","data":' + '['.repeat(1_000) + ']'.repeat(1_000) + '}');
    expect(seen).toEqual([]);
    expect(ws.closed).toBeNull();
  });

  it('closes a connection over the message window with 1008 and routes nothing after it', () => {
    let count = 0;
    const { ws, conn, receive } = setUp({ ping: () => count++ });
    for (let i = 0; i < MAX_MESSAGES_PER_WINDOW + 5; i++) receive({ messageType: 'ping', data: {} });
    expect(count).toBe(MAX_MESSAGES_PER_WINDOW);
    expect(ws.closed?.code).toBe(CLOSE_POLICY);
    expect(conn.closing).toBe(true);
  });

  it('closes only this connection (1011) when a handler throws or rejects, and nothing escapes', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const throwing = setUp({
        ping: () => {
          throw new Error('boom');
        },
      });
      throwing.receive({ messageType: 'ping', data: {} });
      expect(throwing.ws.closed?.code).toBe(CLOSE_UNAVAILABLE);

      // Nest's handler wrapper is async: a failure inside it arrives as a rejection.
      const rejecting = setUp({ ping: () => Promise.reject(new Error('async boom')) });
      const other = setUp({ ping: () => undefined });
      rejecting.receive({ messageType: 'ping', data: {} });
      other.receive({ messageType: 'ping', data: {} });
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejecting.ws.closed?.code).toBe(CLOSE_UNAVAILABLE);
      expect(other.ws.closed).toBeNull();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
