import type { IncomingMessage } from 'node:http';

// WS_MAX_CONNECTIONS_PER_IP: open /streaming sockets per client address. A slot is taken
// synchronously on the upgrade event (so concurrent upgrades cannot overshoot) and given back
// when that TCP socket closes, whatever ended it.

export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  /** `max` 0 = no limit (nothing is counted). */
  constructor(private readonly max: number) {}

  get enabled(): boolean {
    return this.max > 0;
  }

  /** Takes a slot for the address; false when it already holds `max`. */
  tryAcquire(address: string): boolean {
    if (!this.enabled) return true;
    const count = this.open.get(address) ?? 0;
    if (count >= this.max) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = this.open.get(address);
    if (count === undefined) return;
    if (count <= 1) this.open.delete(address);
    else this.open.set(address, count - 1);
  }

  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}

/**
 * The client address as Fastify reports it: with TRUST_PROXY the first X-Forwarded-For entry
 * (every proxy is trusted), otherwise the socket's peer.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first !== undefined && first !== '') return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
