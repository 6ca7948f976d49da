import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Ports for the servers tests start (the product, proxies, brokers). A port from listen(0) is an
// ephemeral one: once it is closed again, any outgoing connection of a test running in parallel
// may take it as its source port before the server binds it (seen in CI as EADDRINUSE). Ports are
// therefore picked at random below the kernel's ephemeral range, where only another test's
// listener can collide, and checked by binding them first.

const LOWEST = 10_000;

/** The first port of the kernel's ephemeral range (source ports of outgoing connections). */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const n = Number(low);
    if (Number.isInteger(n) && n > 0) return n;
  } catch {
    // not Linux: the IANA range starts at 49152
  }
  return 49_152;
}

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address !== null && typeof address === 'object' ? address.port : null));
    });
  });
}

/** A loopback port that was free a moment ago, outside the ephemeral range when it can be. */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  if (highest >= LOWEST) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = await listenOn(LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1)));
      if (port !== null) return port;
    }
  }
  const port = await listenOn(0);
  if (port === null) throw new Error('no free loopback port');
  return port;
}

/**
 * Starts a server with `start` on a free port, and again on a new one (up to three tries) when it
 * fails because another listener took the port first: its error message then names EADDRINUSE.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !/EADDRINUSE/.test(err.message)) throw err;
    }
  }
}
