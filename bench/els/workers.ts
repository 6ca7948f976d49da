import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command, WorkerMessage } from './protocol';

// Coordinator side of the load-generator workers: each is `taskset -c <core> node worker.ts` with
// an IPC channel; messages are queued per type until someone waits for them.

const REGISTER = join(__dirname, '..', 'evaluation', 'register-ts.cjs');
const WORKER = join(__dirname, 'worker.ts');

type MessageOf<T extends WorkerMessage['type']> = Extract<WorkerMessage, { type: T }>;

export class LoadWorker {
  private readonly queues = new Map<string, WorkerMessage[]>();
  private readonly waiters = new Map<string, ((m: WorkerMessage) => void)[]>();
  private exitError: Error | null = null;
  /** The latest progress report (fleets report every second while ramping). */
  lastProgress: MessageOf<'progress'> | null = null;

  private constructor(readonly child: ChildProcess) {
    child.on('message', (raw) => this.dispatch(raw as WorkerMessage));
    child.on('exit', (code, signal) => {
      this.exitError = new Error(`load worker ${child.pid} exited (${code ?? signal})`);
      for (const list of this.waiters.values()) list.length = 0;
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async spawn(core: number): Promise<LoadWorker> {
    const child = spawn('taskset', ['-c', String(core), process.execPath, '-r', REGISTER, WORKER], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker = new LoadWorker(child);
    await worker.next('started', 30_000);
    return worker;
  }

  send(command: Command): void {
    this.child.send(command);
  }

  private dispatch(message: WorkerMessage): void {
    if (message.type === 'error') {
      process.stderr.write(`load worker ${this.pid}: ${message.message}\n`);
      return;
    }
    if (message.type === 'progress') {
      this.lastProgress = message;
      return;
    }
    const waiting = this.waiters.get(message.type);
    if (waiting !== undefined && waiting.length > 0) {
      waiting.shift()!(message);
      return;
    }
    const queue = this.queues.get(message.type) ?? [];
    queue.push(message);
    this.queues.set(message.type, queue);
  }

  /** The next message of a type (queued or future). */
  next<T extends WorkerMessage['type']>(type: T, timeoutMs: number): Promise<MessageOf<T>> {
    const queued = this.queues.get(type);
    if (queued !== undefined && queued.length > 0) return Promise.resolve(queued.shift() as MessageOf<T>);
    if (this.exitError !== null) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(type) ?? [];
        const i = list.indexOf(take);
        if (i >= 0) list.splice(i, 1);
        reject(new Error(`load worker ${this.pid}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const take = (m: WorkerMessage) => {
        clearTimeout(timer);
        resolve(m as MessageOf<T>);
      };
      const list = this.waiters.get(type) ?? [];
      list.push(take);
      this.waiters.set(type, list);
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

export async function spawnWorkers(count: number, core: number): Promise<LoadWorker[]> {
  return Promise.all(Array.from({ length: count }, () => LoadWorker.spawn(core)));
}
