// A private librdkafka mock cluster (infra-notes §5): a kcat consumer hosts it on a random port,
// socat gives it a fixed bootstrap address. Only processes started here are ever signalled.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../support/free-port';

export interface KafkaMock {
  bootstrap: string;
  /** Freeze the broker (SIGSTOP) for a while, then let it run on: an outage that keeps its log. */
  pause(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startKafkaMock(): Promise<KafkaMock> {
  const kcat = spawn(
    'kcat',
    ['-b', '127.0.0.1:1', '-C', '-t', '__keepalive', '-X', 'test.mock.num.brokers=1'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const mockPort = await new Promise<number>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`kafka mock did not start: ${log}`)), 10_000);
    kcat.once('error', (error) =>
      reject(new Error(`cannot run kcat (apt-get install kcat): ${error.message}`)),
    );
    kcat.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /replaced with 127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  kcat.stderr?.resume();
  const port = await freePort();
  const socat: ChildProcess = spawn(
    'socat',
    [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, `TCP:127.0.0.1:${mockPort}`],
    { stdio: 'ignore' },
  );
  socat.once('error', () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    bootstrap: `127.0.0.1:${port}`,
    async pause(ms) {
      kcat.kill('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, ms));
      kcat.kill('SIGCONT');
    },
    stop() {
      kcat.kill('SIGCONT');
      kcat.kill('SIGTERM');
      socat.kill('SIGTERM');
      return Promise.resolve();
    },
  };
}
