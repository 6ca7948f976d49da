import { brotliDecompressSync, constants, gunzipSync, inflateRawSync } from 'node:zlib';
import { EncodedBody, MIN_COMPRESS_BYTES } from './encoded-body';

describe('EncodedBody', () => {
  const text = JSON.stringify({
    featureFlags: Array.from({ length: 200 }, (_, i) => ({ key: `flag-${i}` })),
  });

  it('compresses once per coding and decodes to the plain bytes', async () => {
    const body = new EncodedBody(Buffer.from(text));
    expect(body.compressible).toBe(true);
    expect(body.ready('gzip')).toBeUndefined();
    const [a, b] = await Promise.all([body.encode('gzip'), body.encode('gzip')]);
    expect(a).toBe(b);
    expect(body.ready('gzip')).toBe(a);
    expect(await body.encode('gzip')).toBe(a);
    expect(gunzipSync(a).toString()).toBe(text);
    const br = await body.encode('br');
    expect(brotliDecompressSync(br).toString()).toBe(text);
    expect(br.length).toBeLessThan(text.length / 4);
  });

  it('compresses a permessage-deflate message once: sync-flushed, without its 00 00 FF FF tail', async () => {
    const body = new EncodedBody(Buffer.from(text));
    const [a, b] = await Promise.all([body.encode('deflate-message'), body.encode('deflate-message')]);
    expect(a).toBe(b);
    expect(body.ready('deflate-message')).toBe(a);
    expect(a.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))).toBe(false);
    const inflated = inflateRawSync(Buffer.concat([a, Buffer.from([0, 0, 0xff, 0xff])]), {
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    expect(inflated.toString()).toBe(text);
    expect(a.length).toBeLessThan(text.length / 4);
  });

  it('is not compressible below the threshold', () => {
    expect(new EncodedBody(Buffer.alloc(MIN_COMPRESS_BYTES - 1)).compressible).toBe(false);
    expect(new EncodedBody(Buffer.alloc(MIN_COMPRESS_BYTES)).compressible).toBe(true);
  });
});
