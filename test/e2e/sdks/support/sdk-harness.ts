import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../support/product';

// A harness (test/e2e/sdks/<lang>/) runs one official FeatBit server SDK in its own language and
// answers JSON-line commands on stdin/stdout. .ci/sdks.sh builds them and exports where they are.

/** A user in FeatBit's wire shape, which every harness converts to its SDK's user type. */
export interface WireUser {
  keyId: string;
  name: string;
  customizedProperties: { name: string; value: string }[];
}

export type FlagType = 'boolean' | 'string' | 'number' | 'json';

export interface FlagRef {
  key: string;
  type: FlagType;
}

export interface Evaluated {
  value: unknown;
  reason: string;
  /** The variation id, for SDKs whose evaluation detail carries it. */
  id?: string | null;
}

export interface SdkDescriptor {
  lang: string;
  sdk: string;
  /** The command line, or why this SDK cannot run here. */
  command: () => { file: string; args: string[] } | { skip: string };
}

function fromEnv(lang: string, variable: string, build: (value: string) => { file: string; args: string[] }) {
  return () => {
    const refused = process.env[`FEATBIT_SDK_${lang.toUpperCase()}_UNAVAILABLE`];
    if (refused) return { skip: refused };
    const value = process.env[variable];
    return value ? build(value) : { skip: `${variable} unset (run .ci/infra.sh up)` };
  };
}

export const OFFICIAL_SDKS: SdkDescriptor[] = [
  {
    lang: 'python',
    sdk: 'fb-python-sdk (PyPI)',
    command: fromEnv('python', 'FEATBIT_SDK_PY', (python) => ({
      file: python,
      args: [join(REPO_ROOT, 'test/e2e/sdks/python/featbit_harness.py')],
    })),
  },
  {
    lang: 'java',
    sdk: 'co.featbit:featbit-java-sdk (Maven Central)',
    command: fromEnv('java', 'FEATBIT_SDK_JAVA_CP', (cp) => ({ file: 'java', args: ['-cp', cp, 'Harness'] })),
  },
  {
    lang: 'go',
    sdk: 'github.com/featbit/featbit-go-sdk (Go module)',
    command: fromEnv('go', 'FEATBIT_SDK_GO_BIN', (bin) => ({ file: bin, args: [] })),
  },
];

export class SdkHarness {
  private readonly answers: string[] = [];
  private waiter: (() => void) | null = null;
  private stderr = '';
  private exited = false;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      // Some SDKs log to stdout: only JSON objects are answers.
      if (!line.startsWith('{')) {
        this.stderr += `${line}\n`;
        return;
      }
      this.answers.push(line);
      this.waiter?.();
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.once('exit', () => {
      this.exited = true;
      this.waiter?.();
    });
  }

  /** Starts the harness and waits for its first line: whether the SDK initialized. */
  static async start(
    command: { file: string; args: string[] },
    secret: string,
    streamingUrl: string,
    eventUrl: string,
  ): Promise<{ harness: SdkHarness; ready: boolean }> {
    const child = spawn(command.file, [...command.args, secret, streamingUrl, eventUrl], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const harness = new SdkHarness(child);
    const hello = (await harness.next(60_000)) as { ready: boolean };
    return { harness, ready: hello.ready };
  }

  /** Sends one command and returns its answer; commands are answered in order. */
  async send<T = Record<string, unknown>>(command: Record<string, unknown>, timeoutMs = 60_000): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
    return (await this.next(timeoutMs)) as T;
  }

  async evaluate(flags: FlagRef[], users: WireUser[]): Promise<Evaluated[][]> {
    const { results } = await this.send<{ results: Evaluated[][] }>({ cmd: 'evaluate', flags, users });
    return results;
  }

  logs(): string {
    return this.stderr;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.send({ cmd: 'close' }, 20_000);
    } finally {
      if (!this.exited) this.child.kill('SIGKILL');
    }
  }

  private async next(timeoutMs: number): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (this.answers.length === 0) {
      if (this.exited) throw new Error(`the SDK harness exited: ${this.stderr.slice(-2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer from the SDK harness: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return JSON.parse(this.answers.shift()!) as unknown;
  }
}
