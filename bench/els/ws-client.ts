import { connect, type Socket } from 'node:net';
import { constants, inflateRawSync } from 'node:zlib';

// A minimal WebSocket client (RFC 6455) for load generation: one net.Socket per connection, no
// per-connection closures, frames parsed in place. Server frames are unmasked single-frame text
// messages (continuations are handled, control frames between fragments are not); client frames are masked with a zero key, which
// servers accept and which makes masking a copy. Messages above `keepLimit` bytes are not
// buffered: only their first bytes and their length are kept (a 5 MB full sync costs no memory).

const HANDSHAKE_END = Buffer.from('\r\n\r\n');
// A fixed Sec-WebSocket-Key and its accept value (RFC 6455 §1.3 sample); servers do not check
// that keys differ, and a load generator should not spend a SHA-1 per connection.
const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const WS_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
const HEAD_KEEP = 128;
/** Shared by all sockets of the process (see the onread option below). */
export const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

/**
 * Set to "1" in the coordinator's environment before a fleet's workers start: their connections
 * then offer permessage-deflate (RFC 7692), as browsers do. A compressed message is decoded like a
 * real client would the first time a message of its length arrives (and whenever it is small);
 * a later large one of the same length must start with the same compressed bytes and is handed on
 * as that decoded message (length, first bytes): one core cannot inflate 1,000 × 6 MiB per second.
 */
export const DEFLATE_ENV = 'BENCH_WS_DEFLATE';
const OFFER_DEFLATE = process.env[DEFLATE_ENV] === '1';
const DEFLATE_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
/** Large compressed messages decoded so far, by compressed length. */
const decoded = new Map<number, { head: Buffer; inflatedHead: Buffer; inflatedLength: number }>();
/** Lengths being received whole for decoding; others of that length wait for it (not kept). */
const decoding = new Set<number>();
const awaitingDecode: { conn: WsConnection; head: Buffer; length: number }[] = [];

export interface WsHandler<C extends WsConnection> {
  onOpen(conn: C): void;
  /**
   * A complete message. `payload` is the whole message when it was kept, else its first bytes;
   * `length` is the full length. The buffer may be reused after the call: copy what must outlive it.
   */
  onMessage(conn: C, payload: Buffer, length: number, kept: boolean): void;
  /** Once per connection: `code` is the server's close code (0 = none: the socket just ended). */
  onClose(conn: C, code: number, error: string | null): void;
}

export interface WsTarget {
  host: string;
  port: number;
  localAddress?: string;
}

const enum State {
  Connecting,
  Handshake,
  Open,
  Closed,
}

/** One client WebSocket; subclasses add the fields their scenario needs. */
export class WsConnection {
  socket: Socket;
  private state = State.Connecting;
  private pending: Buffer | null = null;
  private header = Buffer.alloc(14);
  private headerHave = 0;
  private payloadLength = -1;
  private payloadHave = 0;
  private opcode = 0;
  private message: Buffer | null = null;
  private messageLength = 0;
  private keep = false;
  private closeCode = 0;
  private closeSent = false;
  private error: string | null = null;
  private fin = true;
  /** The server accepted permessage-deflate; `compressed`: the current message has RSV1 set. */
  private deflate = false;
  private compressed = false;
  /** Set when the stream is unusable: parsing stops, the socket is being destroyed. */
  private dead = false;

  constructor(
    target: WsTarget,
    path: string,
    private readonly handler: WsHandler<WsConnection>,
    private readonly keepLimit: number,
  ) {
    this.socket = connect({
      host: target.host,
      port: target.port,
      localAddress: target.localAddress,
      // Reads land in one buffer shared by every socket of the process (no allocation per read);
      // each chunk is parsed synchronously and whatever must outlive the call is copied.
      onread: { buffer: READ_BUFFER, callback: (n: number, buf: Buffer) => this.onRead(n, buf) },
    });
    this.socket.setNoDelay(true);
    const request =
      `GET ${path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${WS_KEY}\r\nSec-WebSocket-Version: 13\r\n` +
      (OFFER_DEFLATE ? 'Sec-WebSocket-Extensions: permessage-deflate\r\n' : '') +
      '\r\n';
    this.socket.write(request);
    this.state = State.Handshake;
    this.socket.on('error', (err: Error) => {
      this.error ??= err.message;
    });
    this.socket.on('close', () => this.finish());
  }

  get isOpen(): boolean {
    return this.state === State.Open;
  }

  /** Sends a text message (masked with a zero key). */
  sendText(text: string | Buffer): void {
    if (this.state !== State.Open) return;
    this.socket.write(clientFrame(0x1, typeof text === 'string' ? Buffer.from(text) : text));
  }

  /** Sends a frame built in advance with clientFrame() (pings, data-sync requests). */
  sendFrame(frame: Buffer): void {
    if (this.state === State.Open) this.socket.write(frame);
  }

  /** Starts the closing handshake; the server answers and closes the TCP connection. */
  close(code = 1000): void {
    if (this.state !== State.Open || this.closeSent) return;
    this.closeSent = true;
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code, 0);
    this.socket.write(clientFrame(0x8, body));
  }

  /** Drops the connection without a closing handshake. */
  destroy(): void {
    this.socket.destroy();
  }

  private fail(error: string): void {
    this.error ??= error;
    this.dead = true;
    this.socket.destroy();
  }

  private finish(): void {
    if (this.state === State.Closed) return;
    const wasOpen = this.state === State.Open;
    this.state = State.Closed;
    const error = this.error ?? (wasOpen || this.closeCode !== 0 ? null : 'closed during the handshake');
    this.handler.onClose(this, this.closeCode, error);
  }

  private onRead(n: number, buf: Buffer): boolean {
    this.onData(buf.subarray(0, n));
    return true; // keep reading
  }

  private onData(chunk: Buffer): void {
    if (this.state === State.Handshake) {
      const data = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
      const end = data.indexOf(HANDSHAKE_END);
      if (end < 0) {
        if (data.length > 8192) return this.fail('handshake response too long');
        this.pending = data === chunk ? Buffer.from(data) : data;
        return;
      }
      this.pending = null;
      const head = data.toString('latin1', 0, end);
      if (!head.startsWith('HTTP/1.1 101')) return this.fail(`handshake: ${head.split('\r\n')[0]}`);
      if (!head.includes(WS_ACCEPT)) return this.fail('handshake: wrong Sec-WebSocket-Accept');
      this.deflate = OFFER_DEFLATE && /^sec-websocket-extensions: *permessage-deflate/im.test(head);
      this.state = State.Open;
      this.handler.onOpen(this);
      if (end + 4 < data.length) this.parse(data, end + 4);
      return;
    }
    if (this.state === State.Open) this.parse(chunk, 0);
  }

  private parse(chunk: Buffer, start: number): void {
    let off = start;
    const len = chunk.length;
    while (off < len && this.state === State.Open && !this.dead) {
      if (this.payloadLength < 0) {
        // Header: 2 bytes, then 2 or 8 bytes of extended length (server frames carry no mask).
        if (this.headerHave === 0 && len - off >= 10) {
          off = this.headerFrom(chunk, off);
        } else {
          this.header[this.headerHave++] = chunk[off++];
          const need = headerSize(this.header, this.headerHave);
          if (this.headerHave < need) continue;
          this.headerFrom(this.header, 0);
          this.headerHave = 0;
        }
        if (this.payloadLength === 0) this.endFrame();
        continue;
      }
      const take = Math.min(this.payloadLength - this.payloadHave, len - off);
      if (this.keep) {
        if (this.message === null && this.fin && take === this.payloadLength) {
          // The whole frame is in this chunk: no copy.
          this.message = chunk.subarray(off, off + take);
        } else {
          this.message ??= Buffer.allocUnsafe(this.messageLength + this.payloadLength);
          chunk.copy(this.message, this.messageLength + this.payloadHave, off, off + take);
        }
      } else if (this.messageLength + this.payloadHave < HEAD_KEEP) {
        this.message ??= Buffer.alloc(HEAD_KEEP);
        const room = HEAD_KEEP - (this.messageLength + this.payloadHave);
        chunk.copy(this.message, this.messageLength + this.payloadHave, off, off + Math.min(take, room));
      }
      this.payloadHave += take;
      off += take;
      if (this.payloadHave === this.payloadLength) this.endFrame();
    }
  }

  /** Reads a complete header at `off`; returns the offset after it. */
  private headerFrom(buf: Buffer, off: number): number {
    const b0 = buf[off];
    const b1 = buf[off + 1];
    let length = b1 & 0x7f;
    let next = off + 2;
    if (length === 126) {
      length = buf.readUInt16BE(next);
      next += 2;
    } else if (length === 127) {
      length = buf.readUInt32BE(next) * 2 ** 32 + buf.readUInt32BE(next + 4);
      next += 8;
    }
    if ((b1 & 0x80) !== 0) {
      this.fail('server frame is masked');
      return buf.length;
    }
    const opcode = b0 & 0x0f;
    if (opcode !== 0) {
      this.opcode = opcode;
      this.messageLength = 0;
      this.message = null;
      this.compressed = (b0 & 0x40) !== 0;
      if (this.compressed && !this.deflate) {
        this.fail('compressed frame without the extension');
        return buf.length;
      }
      // Control frames are tiny; data frames are kept when small enough (or compressed and not
      // decoded yet).
      this.keep = opcode >= 0x8 || length <= this.keepLimit;
      if (!this.keep && this.compressed && !decoded.has(length) && !decoding.has(length)) {
        decoding.add(length);
        this.keep = true;
      }
    } else if (this.keep && this.message !== null) {
      // Continuation of a kept message: grow the buffer.
      const grown = Buffer.allocUnsafe(this.messageLength + length);
      this.message.copy(grown, 0, 0, this.messageLength);
      this.message = grown;
    }
    this.fin = (b0 & 0x80) !== 0;
    this.payloadLength = length;
    this.payloadHave = 0;
    return next;
  }

  private endFrame(): void {
    this.messageLength += this.payloadLength;
    this.payloadLength = -1;
    this.payloadHave = 0;
    if (!this.fin) return; // continuation frames follow
    const opcode = this.opcode;
    const message = this.message ?? Buffer.alloc(0);
    const length = this.messageLength;
    this.message = null;
    this.messageLength = 0;
    if ((opcode === 0x1 || opcode === 0x2) && this.compressed) {
      this.onCompressed(message, length);
    } else if (opcode === 0x1 || opcode === 0x2) {
      this.handler.onMessage(
        this,
        this.keep ? message : message.subarray(0, Math.min(length, HEAD_KEEP)),
        length,
        this.keep,
      );
    } else if (opcode === 0x8) {
      this.closeCode = length >= 2 ? message.readUInt16BE(0) : 1005;
      if (!this.closeSent) {
        this.closeSent = true;
        this.socket.write(clientFrame(0x8, message.subarray(0, Math.min(length, 2))));
      }
      // The server closes TCP after the closing handshake (RFC 6455 §7.1.1); our FIN follows its
      // FIN (allowHalfOpen is off), so TIME_WAIT stays on the server side and never uses up the
      // load generator's ephemeral ports.
    } else if (opcode === 0x9) {
      this.socket.write(clientFrame(0xa, message.subarray(0, length)));
    }
  }

  /** A complete compressed message: decoded (kept), or matched with the one decoded before. */
  private onCompressed(message: Buffer, length: number): void {
    if (this.keep) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(Buffer.concat([message.subarray(0, length), DEFLATE_TAIL]), {
          finishFlush: constants.Z_SYNC_FLUSH,
        });
      } catch (err) {
        return this.fail(`compressed message: ${(err as Error).message}`);
      }
      const kept = inflated.length <= this.keepLimit;
      this.handler.onMessage(this, kept ? inflated : inflated.subarray(0, HEAD_KEEP), inflated.length, kept);
      if (length > this.keepLimit) {
        decoded.set(length, {
          head: Buffer.from(message.subarray(0, HEAD_KEEP)),
          inflatedHead: Buffer.from(inflated.subarray(0, HEAD_KEEP)),
          inflatedLength: inflated.length,
        });
        decoding.delete(length);
        for (let k = awaitingDecode.length - 1; k >= 0; k--) {
          const waiting = awaitingDecode[k];
          if (waiting.length !== length) continue;
          awaitingDecode.splice(k, 1);
          waiting.conn.matchDecoded(waiting.head, length);
        }
      }
      return;
    }
    if (!decoded.has(length)) {
      awaitingDecode.push({ conn: this, head: message, length });
      return;
    }
    this.matchDecoded(message, length);
  }

  /** A large compressed message not decoded itself: it must start as the decoded one of its length. */
  private matchDecoded(head: Buffer, length: number): void {
    const known = decoded.get(length)!;
    const n = Math.min(length, HEAD_KEEP);
    if (!head.subarray(0, n).equals(known.head.subarray(0, n))) {
      return this.fail('compressed message differs from the one decoded with the same length');
    }
    this.handler.onMessage(this, known.inflatedHead, known.inflatedLength, false);
  }
}

function headerSize(header: Buffer, have: number): number {
  if (have < 2) return 2;
  const l = header[1] & 0x7f;
  return l === 126 ? 4 : l === 127 ? 10 : 2;
}

/** A client frame (FIN set) masked with a zero key: the payload is sent as is. */
export function clientFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.alloc(headerLength + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) {
    frame[1] = 0x80 | length;
  } else if (length < 0x10000) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  // Mask key 0,0,0,0 (already zero), then the payload.
  payload.copy(frame, headerLength + 4);
  return frame;
}

export function textFrame(text: string): Buffer {
  return clientFrame(0x1, Buffer.from(text));
}
