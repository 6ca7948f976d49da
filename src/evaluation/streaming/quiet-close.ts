import type { Writable } from 'node:stream';
import * as ws from 'ws';

// ws ends a connection's frame receiver up to three times per closing handshake (after the close
// frame, on the socket's 'end' and on its 'close'), and ends the socket again when the peer's FIN
// arrives. Each repeated end() of a finished stream makes Node build an ERR_STREAM_ALREADY_FINISHED
// error, stack trace included, and drop it: about a seventh of the CPU of a connection storm. A
// repeated end() without arguments is made a no-op, which is what it already is apart from that
// discarded error.

type AnyEnd = (this: Writable, ...args: unknown[]) => Writable;

let installed = false;

export function installQuietReceiverEnd(): void {
  if (installed) return;
  installed = true;
  const Receiver = (ws as unknown as { Receiver?: { prototype: { end: AnyEnd } } }).Receiver;
  if (Receiver === undefined) return;
  const proto = Receiver.prototype;
  const original: AnyEnd = proto.end;
  proto.end = function quietEnd(this: Writable, ...args: unknown[]): Writable {
    const state = (this as unknown as { _writableState?: { ending: boolean } })._writableState;
    if (args.length === 0 && state?.ending === true) return this;
    return original.apply(this, args);
  };
}

/** A repeated end() without arguments returns at once; anything else is the prototype's end(). */
function quietSocketEndMethod(this: Writable, ...args: unknown[]): Writable {
  if (args.length === 0 && this.writableEnded) return this;
  return (Object.getPrototypeOf(this) as { end: AnyEnd }).end.apply(this, args);
}

/** The same for one socket (an own property: sockets of other protocols are not touched). */
export function quietSocketEnd(socket: Writable): void {
  socket.end = quietSocketEndMethod as Writable['end'];
}
