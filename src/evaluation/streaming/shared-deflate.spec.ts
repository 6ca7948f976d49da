import { constants, deflateRawSync } from 'node:zlib';
import * as ws from 'ws';
import { installInflateRelease, PER_MESSAGE_DEFLATE } from './shared-deflate';

interface Extension {
  accept(offers: Record<string, unknown[]>[]): Record<string, unknown>;
  decompress(data: Buffer, fin: boolean, callback: (err: Error | null, result?: Buffer) => void): void;
  _inflate: unknown;
}

const PerMessageDeflate = (ws as unknown as { PerMessageDeflate: new (options: object) => Extension })
  .PerMessageDeflate;

function serverExtension(offer: Record<string, unknown[]>): Extension {
  const extension = new PerMessageDeflate({ ...PER_MESSAGE_DEFLATE, isServer: true });
  extension.accept([offer]);
  return extension;
}

const inflate = (extension: Extension, data: Buffer) =>
  new Promise<string>((resolve, reject) =>
    extension.decompress(data, true, (err, result) => (err ? reject(err) : resolve(result!.toString()))),
  );

describe('shared permessage-deflate', () => {
  const message = (text: string) =>
    deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, -4);

  it('accepts a browser offer without context takeover on either side', () => {
    const extension = new PerMessageDeflate({ ...PER_MESSAGE_DEFLATE, isServer: true });
    expect(extension.accept([{ client_max_window_bits: [true] }])).toEqual({
      server_no_context_takeover: true,
      client_no_context_takeover: true,
    });
  });

  it('releases the inflate stream of a client message once it is read', async () => {
    installInflateRelease();
    const extension = serverExtension({ client_max_window_bits: [true] });
    await expect(inflate(extension, message('{"messageType":"ping","data":null}'))).resolves.toBe(
      '{"messageType":"ping","data":null}',
    );
    expect(extension._inflate).toBeNull();
    // The next message opens a new one and is read the same way.
    await expect(inflate(extension, message('{"messageType":"echo"}'))).resolves.toBe(
      '{"messageType":"echo"}',
    );
    expect(extension._inflate).toBeNull();
  });
});
