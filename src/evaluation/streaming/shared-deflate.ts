import * as ws from 'ws';
import type { PerMessageDeflateOptions, WebSocket } from 'ws';

// permessage-deflate (RFC 7692), negotiated by ws at the upgrade when the client offers it (browsers
// do; the official node server SDK does not). The server takes no context from one message to the
// next (server_no_context_takeover), so a message compressed once is valid on every connection:
// full syncs are compressed once per payload version and written to every such connection as is
// (full-sync-sender.ts). ws itself never compresses (threshold: never; sends pass compress: false).

export const PER_MESSAGE_DEFLATE: PerMessageDeflateOptions = {
  serverNoContextTakeover: true,
  // The client compresses each message on its own too, so its inflate stream can be released after
  // each one (installInflateRelease): an idle connection keeps no zlib state (~40 KiB each).
  clientNoContextTakeover: true,
  threshold: Number.MAX_SAFE_INTEGER,
};

/** What ws negotiated (ws 8 keeps the accepted parameters on a private field). */
interface WsExtensions {
  _extensions?: Record<string, { params?: Record<string, unknown> | null } | undefined>;
}

const DEFAULT_WINDOW_BITS = 15;

/**
 * Whether shared compressed messages may be sent on this connection: permessage-deflate was
 * accepted, without server context takeover, and the client did not ask for a window smaller than
 * the one the shared messages are compressed with (such a client gets plain messages).
 */
export function acceptsSharedDeflate(ws: WebSocket): boolean {
  const params = (ws as unknown as WsExtensions)._extensions?.['permessage-deflate']?.params;
  if (params === undefined || params === null || params.server_no_context_takeover !== true) return false;
  const bits = params.server_max_window_bits;
  return bits === undefined || bits === DEFAULT_WINDOW_BITS;
}

type Decompress = (
  this: ExtensionInternals,
  data: Buffer,
  fin: boolean,
  callback: (err: Error | null, result?: Buffer) => void,
) => void;

/** ws 8's permessage-deflate instance fields read here (ws is pinned exactly in package.json). */
interface ExtensionInternals {
  _isServer: boolean;
  _inflate: { close(): void } | null;
  params: Record<string, unknown> | null;
}

let installed = false;

/**
 * Without client context takeover ws only resets a connection's inflate stream after each message
 * and keeps it (zlib state and a 32 KiB window for as long as the connection lives). On the server
 * side, it is closed instead; the next compressed message from that client opens a new one.
 */
export function installInflateRelease(): void {
  if (installed) return;
  installed = true;
  const proto = (ws as unknown as { PerMessageDeflate?: { prototype: { _decompress?: Decompress } } })
    .PerMessageDeflate?.prototype;
  const original = proto?._decompress;
  if (proto === undefined || original === undefined) return;
  proto._decompress = function releasingDecompress(this: ExtensionInternals, data, fin, callback) {
    original.call(this, data, fin, (err, result) => {
      if (
        fin &&
        this._isServer &&
        this.params?.client_no_context_takeover === true &&
        this._inflate !== null
      ) {
        this._inflate.close();
        this._inflate = null;
      }
      callback(err, result);
    });
  };
}
