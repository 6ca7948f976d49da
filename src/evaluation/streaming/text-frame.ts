// A complete WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked as servers send) built
// once per message, so that fanning the same payload out to thousands of sockets costs one write
// each and no per-socket framing or allocation.

const frames = new WeakMap<Buffer, Buffer>();

export function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x81, length]);
  } else if (length < 0x10000) {
    header = Buffer.from([0x81, 126, length >> 8, length & 0xff]);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** The frame of a text message: header and UTF-8 bytes in one buffer (one write, no cork). */
export function stringTextFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.write(text, headerLength, 'utf8');
  return frame;
}

/** The frame of a payload buffer, built on first use and kept as long as the buffer lives. */
export function cachedTextFrame(payload: Buffer): Buffer {
  let frame = frames.get(payload);
  if (frame === undefined) {
    frame = textFrame(payload);
    frames.set(payload, frame);
  }
  return frame;
}
