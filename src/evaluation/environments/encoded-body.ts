import { brotliCompress, constants, gzip } from 'node:zlib';

// Compressed SDK answers (issue 22): a body that is the same for every caller of an environment
// version (server/latest-all) keeps its gzip and brotli forms beside the plain bytes, each computed
// once, on first demand, on libuv's thread pool (a 6 MiB payload must not stall the event loop).
// Levels and thresholds were measured: docs/performance.md, "Compressed SDK payloads (issue 22)".

/** Smaller bodies go out plain: the saving is a few hundred bytes at most. */
export const MIN_COMPRESS_BYTES = 1024;
/** gzip level 6 (zlib's default): 12 % smaller than level 1, at a third of level 9's time. */
const GZIP_LEVEL = 6;
/** Brotli quality 4: smaller than gzip -9 and faster than gzip -6 (qualities 5–6 are no smaller). */
const BROTLI_QUALITY = 4;

export type Compression = 'br' | 'gzip';

/** One payload version's bytes: plain, and its gzip and brotli forms once someone asked for them. */
export class EncodedBody {
  private readonly encoded = new Map<Compression, Buffer>();
  private readonly pending = new Map<Compression, Promise<Buffer>>();

  constructor(readonly plain: Buffer) {}

  /** Whether this body is ever sent compressed (and so varies with Accept-Encoding). */
  get compressible(): boolean {
    return this.plain.length >= MIN_COMPRESS_BYTES;
  }

  /** The encoded bytes if already computed. */
  ready(coding: Compression): Buffer | undefined {
    return this.encoded.get(coding);
  }

  /** The encoded bytes; computed once, concurrent callers share the same computation. */
  encode(coding: Compression): Promise<Buffer> {
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

function compress(plain: Buffer, coding: Compression): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, result: Buffer) => (err === null ? resolve(result) : reject(err));
    if (coding === 'gzip') gzip(plain, { level: GZIP_LEVEL }, done);
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
