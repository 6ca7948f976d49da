import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { PassThrough } from 'node:stream';
import { installQuietReceiverEnd, quietSocketEnd } from './quiet-close';

const Receiver = (ws as unknown as { Receiver: new (o: { isServer: boolean }) => Writable }).Receiver;

describe('installQuietReceiverEnd', () => {
  beforeAll(() => installQuietReceiverEnd());

  it('makes repeated end() of a receiver a silent no-op', async () => {
    const receiver = new Receiver({ isServer: true });
    const errors: unknown[] = [];
    let finishes = 0;
    receiver.on('error', (e) => errors.push(e));
    receiver.on('finish', () => finishes++);
    expect(receiver.end()).toBe(receiver);
    await new Promise((resolve) => setImmediate(resolve));
    expect(receiver.end()).toBe(receiver);
    expect(receiver.end()).toBe(receiver);
    await new Promise((resolve) => setImmediate(resolve));
    expect({ errors, finishes, ended: receiver.writableEnded }).toEqual({
      errors: [],
      finishes: 1,
      ended: true,
    });
  });

  it('still reports a late end() to a callback, as Node does', async () => {
    const receiver = new Receiver({ isServer: true });
    receiver.end();
    await new Promise((resolve) => receiver.on('finish', resolve));
    const err = await new Promise((resolve) => receiver.end(resolve));
    expect(err).toMatchObject({ code: 'ERR_STREAM_ALREADY_FINISHED' });
  });
});

describe('quietSocketEnd', () => {
  it('ignores a repeated end() of one stream and keeps every other call as it was', async () => {
    const stream = new PassThrough();
    const other = new PassThrough();
    quietSocketEnd(stream);
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    stream.end('last');
    await new Promise((resolve) => stream.on('finish', resolve));
    expect(stream.end()).toBe(stream);
    const err = await new Promise((resolve) => stream.end(resolve));
    expect(err).toMatchObject({ code: 'ERR_STREAM_ALREADY_FINISHED' });
    expect(chunks).toEqual(['last']);
    expect(Object.prototype.hasOwnProperty.call(other, 'end')).toBe(false);
  });
});
