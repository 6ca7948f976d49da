import { connect, type Socket } from 'node:net';
import { constants, inflateRawSync } from 'node:zlib';
import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { type RawData, WebSocket } from 'ws';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { buildStreamingToken } from '../../../src/core/sdk/streaming-token';
import { buildFlag, type SeededEnvironment } from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(180_000);

// Issue 22: full syncs go compressed (permessage-deflate, RFC 7692) to the connections that offer
// it, one compressed message shared by all of them; connections that offer nothing (the official
// node server SDK) get plain frames. A raw TCP client reads the frame header to see RSV1 on the wire.

const DATA_SYNC = '{"messageType":"data-sync","data":{"timestamp":0}}';

interface Frame {
  first: number;
  payload: Buffer;
}

/** A WebSocket handshake and frame reader over a bare socket (server frames are unmasked). */
class RawWsClient {
  readonly handshake: Promise<string>;
  private buffered = Buffer.alloc(0);
  private headers: string | null = null;
  private readonly frames: Frame[] = [];
  private readonly socket: Socket;

  constructor(url: string, extensions: string | null) {
    const u = new URL(url);
    this.socket = connect(Number(u.port), u.hostname);
    this.socket.write(
      `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
        (extensions === null ? '' : `Sec-WebSocket-Extensions: ${extensions}\r\n`) +
        '\r\n',
    );
    this.handshake = new Promise((resolve, reject) => {
      this.socket.on('error', reject);
      this.socket.on('data', (chunk: Buffer) => {
        this.buffered = Buffer.concat([this.buffered, chunk]);
        if (this.headers === null) {
          const end = this.buffered.indexOf('\r\n\r\n');
          if (end < 0) return;
          this.headers = this.buffered.toString('latin1', 0, end);
          this.buffered = this.buffered.subarray(end + 4);
          resolve(this.headers);
        }
        this.parse();
      });
    });
  }

  /** Sends a text message in a masked frame (zero mask key: the payload goes as is). */
  send(text: string): void {
    const payload = Buffer.from(text);
    expect(payload.length).toBeLessThan(126);
    this.socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
  }

  async frame(): Promise<Frame> {
    await waitUntil(() => this.frames.length > 0, 20_000, 'a frame');
    return this.frames.shift()!;
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    for (;;) {
      const b = this.buffered;
      if (b.length < 2) return;
      let length = b[1] & 0x7f;
      let at = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        at = 10;
      }
      if (b.length < at + length) return;
      this.frames.push({ first: b[0], payload: Buffer.from(b.subarray(at, at + length)) });
      this.buffered = b.subarray(at + length);
    }
  }
}

const inflateMessage = (payload: Buffer) =>
  inflateRawSync(Buffer.concat([payload, Buffer.from([0, 0, 0xff, 0xff])]), {
    finishFlush: constants.Z_SYNC_FLUSH,
  }).toString('utf8');

const text = (data: RawData) =>
  (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)).toString('utf8');

function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('compressed full syncs over WebSocket (permessage-deflate)', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flags: FeatureFlag[];
  let sdk: IFbClient | undefined;
  const raws: RawWsClient[] = [];

  const streamingUrl = (type: 'server' | 'client', secret: string) =>
    `${app.wsUrl}/streaming?type=${type}&token=${encodeURIComponent(buildStreamingToken(secret, Date.now()))}`;
  const metrics = async () => (await fetch(`${app.baseUrl}/metrics`)).text();
  const fullSyncs = async (type: string, encoding: string) =>
    sample(await metrics(), `featbit_full_syncs_total{type="${type}",encoding="${encoding}"}`);

  /** The full sync as a plain client (ws offering nothing) receives it. */
  const plainFull = async (): Promise<string> => {
    const ws = new WebSocket(streamingUrl('server', seeded.serverSecret), { perMessageDeflate: false });
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const message = new Promise<string>((resolve) => ws.once('message', (d: RawData) => resolve(text(d))));
      ws.send(DATA_SYNC);
      return await message;
    } finally {
      ws.close();
    }
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start();
    seeded = await app.seedEnvironment();
    flags = Array.from({ length: 12 }, (_, i) =>
      buildFlag(seeded.env.id, `deflated-${i}`, i % 2 === 0 ? 'boolean' : 'string', {
        updatedAt: new Date(Date.UTC(2024, 3, 10, 10, i)).toISOString(),
      }),
    );
    for (const f of flags) await app.saveFlag(f, false);
  });

  afterEach(() => raws.splice(0).forEach((r) => r.close()));

  afterAll(async () => {
    await sdk?.close();
    await app?.stop();
  });

  it('accepts the offer without context takeover and sends the full sync compressed (RSV1 on the wire)', async () => {
    const before = await fullSyncs('server', 'deflate');
    const offering = [0, 1, 2].map(
      () =>
        new RawWsClient(
          streamingUrl('server', seeded.serverSecret),
          'permessage-deflate; client_max_window_bits',
        ),
    );
    raws.push(...offering);
    const payloads: Buffer[] = [];
    for (const raw of offering) {
      const headers = await raw.handshake;
      expect(headers).toMatch(/^HTTP\/1\.1 101/);
      expect(headers.toLowerCase()).toMatch(
        /sec-websocket-extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover/,
      );
      raw.send(DATA_SYNC);
    }
    for (const raw of offering) {
      const frame = await raw.frame();
      expect(frame.first).toBe(0xc1); // FIN, RSV1 (compressed), text
      payloads.push(frame.payload);
    }
    const plain = await plainFull();
    expect(JSON.parse(plain).data.featureFlags).toHaveLength(flags.length);
    for (const payload of payloads) {
      expect(payload.equals(payloads[0])).toBe(true); // one compressed message, shared
      expect(payload.length).toBeLessThan(Buffer.byteLength(plain) / 3);
      expect(inflateMessage(payload)).toBe(plain);
    }
    expect(await fullSyncs('server', 'deflate')).toBe(before + offering.length);

    // Small messages stay plain frames on the same connection.
    offering[0].send('{"messageType":"ping","data":null}');
    const pong = await offering[0].frame();
    expect(pong.first).toBe(0x81);
    expect(pong.payload.toString()).toBe('{"messageType":"pong","data":{}}');
  });

  it('sends plain frames to a client that offers no compression', async () => {
    const raw = new RawWsClient(streamingUrl('server', seeded.serverSecret), null);
    raws.push(raw);
    expect((await raw.handshake).toLowerCase()).not.toContain('sec-websocket-extensions');
    raw.send(DATA_SYNC);
    const frame = await raw.frame();
    expect(frame.first).toBe(0x81);
    expect(frame.payload.toString()).toBe(await plainFull());
  });

  it('is read by a ws client that negotiated compression, which may send compressed messages too', async () => {
    const ws = new WebSocket(streamingUrl('server', seeded.serverSecret), { perMessageDeflate: true });
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      expect(ws.extensions).toBe('permessage-deflate');
      const messages: string[] = [];
      ws.on('message', (d: RawData) => messages.push(text(d)));
      ws.send(DATA_SYNC, { compress: true });
      // An echo above ws's threshold travels compressed from the client; the server inflates it.
      const echo = { messageType: 'echo', data: { text: 'x'.repeat(3000) } };
      ws.send(JSON.stringify(echo), { compress: true });
      await waitUntil(() => messages.length >= 2, 10_000, 'the full sync and the echo');
      expect(messages[0]).toBe(await plainFull());
      expect(JSON.parse(messages[1])).toEqual(echo);
    } finally {
      ws.close();
    }
  });

  it('sends the new version, compressed, after a change', async () => {
    const changed = { ...flags[1], isEnabled: false, updatedAt: new Date().toISOString() };
    await app.saveFlag(changed, true);
    flags[1] = changed;
    await waitUntil(async () => (await plainFull()).includes(changed.updatedAt), 10_000, 'the change');
    const raw = new RawWsClient(streamingUrl('server', seeded.serverSecret), 'permessage-deflate');
    raws.push(raw);
    await raw.handshake;
    raw.send(DATA_SYNC);
    const frame = await raw.frame();
    expect(frame.first).toBe(0xc1);
    expect(inflateMessage(frame.payload)).toBe(await plainFull());
  });

  it('the official node server SDK (it offers no compression) gets plain full syncs and serves the flags', async () => {
    const plainBefore = await fullSyncs('server', 'plain');
    const deflatedBefore = await fullSyncs('server', 'deflate');
    sdk = new FbClientBuilder()
      .sdkKey(seeded.serverSecret)
      .streamingUri(app.wsUrl)
      .eventsUri(app.baseUrl)
      .startWaitTime(20_000)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
    const user = new UserBuilder('sdk-user-1').build();
    expect(await sdk.boolVariation('deflated-0', user, true)).toBe(false);
    expect(await sdk.stringVariation('deflated-1', user, 'none')).toBe(flags[1].variations[1].value);
    expect(await sdk.stringVariation('deflated-3', user, 'none')).toBe(flags[3].variations[1].value);
    expect(await fullSyncs('server', 'plain')).toBeGreaterThan(plainBefore);
    expect(await fullSyncs('server', 'deflate')).toBe(deflatedBefore);
  });
});
