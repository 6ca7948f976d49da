import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { cachedTextFrame, framePayload, joinedTextFrame, stringTextFrame, textFrame } from './text-frame';

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
