import { constants, inflateRawSync } from 'node:zlib';
import { NoopMetrics } from '../../core/ports/metrics.port';
import { EncodedBody } from '../environments/encoded-body';
import { FullSyncSender } from './full-sync-sender';
import type { SdkConnection } from './sdk-connection';

const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
const inflate = (message: Buffer) =>
  inflateRawSync(Buffer.concat([message, TAIL]), { finishFlush: constants.Z_SYNC_FLUSH }).toString();

interface FakeEnv {
  version: number;
  serverSync(timestamp: number): Buffer;
}

function connection(env: FakeEnv, deflate: boolean) {
  const sent: { kind: 'plain' | 'deflated'; text: string; message?: Buffer }[] = [];
  const conn = {
    kind: 'server',
    env,
    deflate,
    waiting: null as unknown[] | null,
    synced: false,
    closing: false,
    ws: { readyState: 1 },
    send: (payload: Buffer | string) => sent.push({ kind: 'plain', text: payload.toString() }),
    sendDeflated: (message: Buffer) => sent.push({ kind: 'deflated', text: inflate(message), message }),
  };
  return { conn, sent, asConn: conn as unknown as SdkConnection };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('FullSyncSender', () => {
  const text = JSON.stringify({ messageType: 'data-sync', data: { flags: 'f,'.repeat(5_000) } });
  let env: FakeEnv;
  let body: EncodedBody;
  const sender = new FullSyncSender(new NoopMetrics(), (_conn, err) => {
    throw err;
  });

  beforeEach(() => {
    body = new EncodedBody(Buffer.from(text));
    env = { version: 1, serverSync: () => body.plain };
  });

  it('answers a connection without compression at once, plain', () => {
    const { asConn, conn, sent } = connection(env, false);
    sender.sendServer(asConn, body, () => undefined);
    expect(sent).toEqual([{ kind: 'plain', text }]);
    expect(conn.synced).toBe(true);
  });

  it('compresses once for every connection asking at the same time, and marks them synced once sent', async () => {
    const conns = Array.from({ length: 5 }, () => connection(env, true));
    for (const c of conns) sender.sendServer(c.asConn, body, () => undefined);
    expect(conns.every((c) => !c.conn.synced && c.sent.length === 0)).toBe(true);
    await flush();
    const messages = new Set(conns.map((c) => c.sent[0].message));
    expect(messages.size).toBe(1);
    for (const c of conns) {
      expect(c.sent).toEqual([expect.objectContaining({ kind: 'deflated', text })]);
      expect(c.conn.synced).toBe(true);
    }
    // Later connections get the cached message without waiting.
    const late = connection(env, true);
    sender.sendServer(late.asConn, body, () => undefined);
    expect(late.sent[0].message).toBe([...messages][0]);
  });

  it('sends the newest payload, plain, when a change arrived while compressing', async () => {
    const { asConn, sent } = connection(env, true);
    sender.sendServer(asConn, body, () => undefined);
    const newer = '{"messageType":"data-sync","data":{"eventType":"full","v":2}}';
    env.version = 2;
    env.serverSync = () => Buffer.from(newer);
    await flush();
    expect(sent).toEqual([{ kind: 'plain', text: newer }]);
  });

  it('answers the data-syncs that arrived meanwhile after the full sync, in order', async () => {
    const { asConn, conn, sent } = connection(env, true);
    const resumed: unknown[] = [];
    sender.sendServer(asConn, body, (data) => {
      resumed.push(data);
      conn.send(Buffer.from(String(data)));
    });
    conn.waiting?.push('second', 'third');
    await flush();
    expect(sent.map((s) => s.kind + ':' + (s.kind === 'plain' ? s.text : 'full'))).toEqual([
      'deflated:full',
      'plain:second',
      'plain:third',
    ]);
    expect(resumed).toEqual(['second', 'third']);
    expect(conn.waiting).toBeNull();
  });

  it('sends small payloads plain even when compression was negotiated', () => {
    const small = new EncodedBody(Buffer.from('{"messageType":"data-sync","data":{}}'));
    const { asConn, sent } = connection(env, true);
    sender.sendServer(asConn, small, () => undefined);
    expect(sent).toEqual([{ kind: 'plain', text: small.plain.toString() }]);
  });
});
