import type { Writable } from 'node:stream';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import * as ws from 'ws';
import {
  cachedDeflatedTextFrame,
  cachedTextFrame,
  framePayload,
  joinedTextFrame,
  stringTextFrame,
  textFrame,
} from './text-frame';

// ws's frame parser (exported at runtime, not in its typings).
const Receiver = (
  ws as unknown as { Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable }
).Receiver;

/** Parses a frame with ws's own receiver, as a client would. */
function receive(frame: Buffer): Promise<{ data: string; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data: data.toString(), isBinary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  it.each([0, 1, 125, 126, 65535, 65536, 300_000])(
    'frames %d bytes as one unmasked text frame',
    async (size) => {
      const payload = Buffer.from('x'.repeat(size));
      const frame = textFrame(payload);
      expect(frame[0]).toBe(0x81);
      expect(frame.length - payload.length).toBe(size < 126 ? 2 : size < 65536 ? 4 : 10);
      await expect(receive(frame)).resolves.toEqual({ data: payload.toString(), isBinary: false });
    },
  );

  it.each([0, 125, 126, 65535, 65536, 300_000])(
    'frames a %d-character string with multi-byte text',
    async (size) => {
      const text = 'é€'.repeat(Math.ceil(size / 2)).slice(0, size);
      const frame = stringTextFrame(text);
      expect(frame.equals(textFrame(Buffer.from(text)))).toBe(true);
      await expect(receive(frame)).resolves.toEqual({ data: text, isBinary: false });
    },
  );

  it('builds the frame of a payload once', () => {
    const payload = Buffer.from('{"messageType":"pong","data":{}}');
    expect(cachedTextFrame(payload)).toBe(cachedTextFrame(payload));
  });

  it.each([
    [0, 0],
    [1, 10],
    [3, 40],
    [2, 70_000],
  ])('joins %d items of %d bytes between a head and a tail into one frame', async (count, size) => {
    const head = Buffer.from('{"userKeyId":"ü\\"ser","featureFlags":[');
    const items = Array.from({ length: count }, (_, i) => Buffer.from(`"${String(i).repeat(size)}€"`));
    const tail = Buffer.from(']}');
    const text = head.toString() + items.map((b) => b.toString()).join(',') + tail.toString();
    const frame = joinedTextFrame(head, items, tail);
    expect(frame.equals(stringTextFrame(text))).toBe(true);
    expect(framePayload(frame).toString()).toBe(text);
    await expect(receive(frame)).resolves.toEqual({ data: text, isBinary: false });
  });

  it('finds the payload of frames of every header size', () => {
    for (const size of [0, 125, 126, 65535, 65536]) {
      const payload = Buffer.alloc(size, 0x61);
      expect(framePayload(textFrame(payload)).equals(payload)).toBe(true);
    }
  });
});

describe('cachedDeflatedTextFrame', () => {
  const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
  // The stream has no final block (as every client decodes it): flushed, not finished.
  const inflate = (data: Buffer) => inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  /** The permessage-deflate payload of a text (RFC 7692 §7.2.1: sync flush, tail removed). */
  const deflated = (text: string) =>
    deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, -4);

  it.each([0, 100, 5_000, 200_000])('frames a compressed message of a %d-byte text with RSV1 set', (size) => {
    const text = JSON.stringify({ messageType: 'data-sync', data: 'flag,'.repeat(size / 5) });
    const message = deflated(text);
    const frame = cachedDeflatedTextFrame(message);
    expect(frame[0]).toBe(0xc1); // FIN, RSV1, text
    const payload = framePayload(frame);
    expect(payload.equals(message)).toBe(true);
    expect(frame.length - payload.length).toBe(message.length < 126 ? 2 : message.length < 65536 ? 4 : 10);
    expect(inflate(Buffer.concat([payload, TAIL])).toString()).toBe(text);
    expect(cachedDeflatedTextFrame(message)).toBe(frame);
  });

  it('is read by ws as a compressed text message when the extension is negotiated', async () => {
    const text = '{"messageType":"data-sync","data":{"eventType":"full"}}'.repeat(100);
    const extension = new (
      ws as unknown as {
        PerMessageDeflate: new (options: object) => { accept(offers: object[]): unknown };
      }
    ).PerMessageDeflate({ isServer: false });
    extension.accept([{ server_no_context_takeover: [true] }]); // as parsed from the header
    const received = await new Promise<{ data: string; isBinary: boolean }>((resolve, reject) => {
      const receiver = new (ws as unknown as { Receiver: new (options: object) => Writable }).Receiver({
        isServer: false,
        maxPayload: 0,
        extensions: { 'permessage-deflate': extension },
      });
      receiver.on('message', (data: Buffer, isBinary: boolean) =>
        resolve({ data: data.toString(), isBinary }),
      );
      receiver.on('error', reject);
      receiver.write(cachedDeflatedTextFrame(deflated(text)));
    });
    expect(received).toEqual({ data: text, isBinary: false });
  });
});
