import { brotliCompress, constants, deflateRaw, gzip } from 'node:zlib';

// Compressed SDK answers (issue 22): a body that is the same for every caller of an environment
// version (server/latest-all, WebSocket full syncs) keeps its gzip, brotli and permessage-deflate
// forms beside the plain bytes, each computed once, on first demand, on libuv's thread pool (a 6 MiB
// payload must not stall the event loop). Levels and thresholds were measured: docs/performance.md,
// "Compressed SDK payloads (issue 22)" and "Compressed full syncs (issue 22)".

/** Smaller bodies go out plain: the saving is a few hundred bytes at most. */
export const MIN_COMPRESS_BYTES = 1024;
/** gzip level 6 (zlib's default): 12 % smaller than level 1, at a third of level 9's time. */
const GZIP_LEVEL = 6;
/** Brotli quality 4: smaller than gzip -9 and faster than gzip -6 (qualities 5–6 are no smaller). */
const BROTLI_QUALITY = 4;

/** deflate level of WebSocket messages: 12 % smaller than level 1, level 9 only 2 % smaller. */
const DEFLATE_LEVEL = 6;
/** The empty stored block that ends a sync flush; RFC 7692 §7.2.1 removes it from the message. */
const SYNC_FLUSH_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** HTTP content codings. */
export type Compression = 'br' | 'gzip';
/**
 * Every stored form: HTTP codings, and `deflate-message`, the payload of an RFC 7692
 * permessage-deflate message compressed with no context (valid on every connection).
 */
export type BodyCoding = Compression | 'deflate-message';

/** One payload version's bytes: plain, and its compressed forms once someone asked for them. */
export class EncodedBody {
  private readonly encoded = new Map<BodyCoding, Buffer>();
  private readonly pending = new Map<BodyCoding, Promise<Buffer>>();

  constructor(readonly plain: Buffer) {}

  /** Whether this body is ever sent compressed (and so varies with Accept-Encoding). */
  get compressible(): boolean {
    return this.plain.length >= MIN_COMPRESS_BYTES;
  }

  /** The encoded bytes if already computed. */
  ready(coding: BodyCoding): Buffer | undefined {
    return this.encoded.get(coding);
  }

  /** The encoded bytes; computed once, concurrent callers share the same computation. */
  encode(coding: BodyCoding): Promise<Buffer> {
    const done = this.encoded.get(coding);
    if (done !== undefined) return Promise.resolve(done);
    let promise = this.pending.get(coding);
    if (promise === undefined) {
      promise = compress(this.plain, coding).then(
        (bytes) => {
          this.encoded.set(coding, bytes);
          this.pending.delete(coding);
          return bytes;
        },
        (err: unknown) => {
          this.pending.delete(coding);
          throw err;
        },
      );
      this.pending.set(coding, promise);
    }
    return promise;
  }
}

function compress(plain: Buffer, coding: BodyCoding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, result: Buffer) => (err === null ? resolve(result) : reject(err));
    if (coding === 'gzip') gzip(plain, { level: GZIP_LEVEL }, done);
    else if (coding === 'deflate-message')
      deflateRaw(plain, { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH }, (err, result) => {
        const message = err === null ? withoutFlushTail(result) : null;
        if (message !== null) resolve(message);
        else reject(err ?? new Error('deflate output has no sync-flush tail'));
      });
    else
      brotliCompress(
        plain,
        {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        },
        done,
      );
  });
}

/** A sync-flushed deflate stream without its final empty block (RFC 7692 §7.2.1). */
function withoutFlushTail(deflated: Buffer): Buffer | null {
  const end = deflated.length - SYNC_FLUSH_TAIL.length;
  return end >= 0 && deflated.subarray(end).equals(SYNC_FLUSH_TAIL) ? deflated.subarray(0, end) : null;
}
