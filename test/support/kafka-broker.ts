import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

// A private Apache Kafka broker (KRaft, one node) for a test that takes its broker down: started
// through .ci/kafka.sh with its own directory and ports, so the shared broker on 9092 is never
// touched. Only the process recorded in that directory is ever signalled.

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../.ci/kafka.sh');

export interface KafkaBroker {
  brokers: string;
  /** SIGSTOP for `ms`, then SIGCONT: the broker stops answering and comes back with its log. */
  pause(ms: number): Promise<void>;
  freeze(): void;
  resume(): void;
  /** SIGKILL: a crash. What was acknowledged is in the log directory (page cache) and survives. */
  kill(): Promise<void>;
  /** Starts again on the same ports and log directory; resolves once it serves. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startKafkaBroker(): Promise<KafkaBroker> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-broker-'));
  const env = {
    ...process.env,
    KAFKA_DIR: dir,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
  };
  const script = async (command: string) => {
    try {
      await run(SCRIPT, [command], { env, timeout: 180_000 });
    } catch (error) {
      const failed = error as { stderr?: string; message: string };
      throw new Error(`.ci/kafka.sh ${command} failed: ${failed.stderr ?? failed.message}`);
    }
  };
  const signal = (name: NodeJS.Signals) => {
    const pid = Number(readFileSync(join(dir, 'kafka.pid'), 'utf8'));
    if (pid > 0) process.kill(pid, name);
  };
  await script('up');
  return {
    brokers: `127.0.0.1:${env.KAFKA_PORT}`,
    async pause(ms) {
      signal('SIGSTOP');
      await new Promise((r) => setTimeout(r, ms));
      signal('SIGCONT');
    },
    freeze: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    kill: () => script('kill'),
    start: () => script('up'),
    async stop() {
      try {
        signal('SIGCONT');
      } catch {
        // not running
      }
      await script('kill');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
