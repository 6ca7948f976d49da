// A socat TCP proxy a test can cut and restore, to take one client's server away while others
// keep theirs. socat forks a child per connection, so it runs in its own process group and
// stopping it signals that group (only processes started here).
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../support/free-port';

export interface TcpProxy {
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    port,
    async start() {
      if (child) return;
      child = spawn(
        'socat',
        [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, `TCP:${targetHost}:${targetPort}`],
        {
          stdio: 'ignore',
          detached: true,
        },
      );
      child.once('error', () => undefined);
      await pause(300);
    },
    async stop() {
      if (child?.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      child = null;
      await pause(300);
    },
  };
}
