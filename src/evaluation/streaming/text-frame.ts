// A complete WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked as servers send) built
// once per message, so that fanning the same payload out to thousands of sockets costs one write
// each and no per-socket framing or allocation.

const frames = new WeakMap<Buffer, Buffer>();
const deflatedFrames = new WeakMap<Buffer, Buffer>();
/** FIN + opcode 1 (text); with RSV1 the payload is a permessage-deflate message (RFC 7692 §6). */
const TEXT = 0x81;
const DEFLATED_TEXT = 0xc1;
/** Header bytes of the frame being built (frames are built synchronously, one at a time). */
const scratch = Buffer.alloc(10);

export function textFrame(payload: Buffer): Buffer {
  return frameOf(payload, TEXT);
}

function frameOf(payload: Buffer, first: number): Buffer {
  const headerLength = writeHeader(payload.length, first);
  const frame = Buffer.allocUnsafe(headerLength + payload.length);
  scratch.copy(frame, 0, 0, headerLength);
  payload.copy(frame, headerLength);
  return frame;
}

/** The frame of a text message: header and UTF-8 bytes in one buffer (one write, no cork). */
export function stringTextFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const headerLength = writeHeader(length);
  const frame = Buffer.allocUnsafe(headerLength + length);
  scratch.copy(frame, 0, 0, headerLength);
  frame.write(text, headerLength, 'utf8');
  return frame;
}

/**
 * The frame of the text `head + items joined by "," + tail`, written straight into one buffer from
 * pre-encoded parts (a client push: per-connection head, shared items, constant tail).
 */
export function joinedTextFrame(head: Buffer, items: readonly Buffer[], tail: Buffer): Buffer {
  let length = head.length + tail.length + Math.max(0, items.length - 1);
  for (const item of items) length += item.length;
  const headerLength = writeHeader(length);
  const frame = Buffer.allocUnsafe(headerLength + length);
  scratch.copy(frame, 0, 0, headerLength);
  let at = headerLength + head.copy(frame, headerLength);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) frame[at++] = 0x2c; // ','
    at += items[i].copy(frame, at);
  }
  tail.copy(frame, at);
  return frame;
}

/** The payload of a frame built here (for the path where ws frames messages itself). */
export function framePayload(frame: Buffer): Buffer {
  const code = frame[1] & 0x7f;
  return frame.subarray(code < 126 ? 2 : code === 126 ? 4 : 10);
}

/** Writes the header of a text frame of `length` payload bytes into `scratch`; returns its size. */
function writeHeader(length: number, first = TEXT): number {
  scratch[0] = first;
  if (length < 126) {
    scratch[1] = length;
    return 2;
  }
  if (length < 0x10000) {
    scratch[1] = 126;
    scratch.writeUInt16BE(length, 2);
    return 4;
  }
  scratch[1] = 127;
  scratch.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
  scratch.writeUInt32BE(length >>> 0, 6);
  return 10;
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

/**
 * The frame of a compressed text message (RSV1 set), from the payload of a permessage-deflate
 * message (see EncodedBody's `deflate-message`), built on first use and kept as long as it lives.
 */
export function cachedDeflatedTextFrame(message: Buffer): Buffer {
  let frame = deflatedFrames.get(message);
  if (frame === undefined) {
    frame = frameOf(message, DEFLATED_TEXT);
    deflatedFrames.set(message, frame);
  }
  return frame;
}
