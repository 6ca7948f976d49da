import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { onFreePort } from '../../test/support/free-port';

// The floor scenario's server process: floor-server.ts (Node, commands over IPC) or
// floor-server.c (the same in C, commands as lines on stdin, replies as JSON lines on stdout).

const REGISTER = join(__dirname, '..', 'evaluation', 'register-ts.cjs');
const NODE_SERVER = join(__dirname, 'floor-server.ts');
const C_SOURCE = join(__dirname, 'floor-server.c');

export interface FanoutReply {
  type: 'fanout';
  sockets: number;
  ms: number;
  cpuMs: number;
  systemMs: number;
  /** C server only: writes that did not take the whole frame. */
  shortWrites?: number;
}

export interface FloorServer {
  readonly pid: number;
  readonly port: number;
  readonly label: string;
  fanout(): Promise<FanoutReply>;
  kill(): void;
}

/** Compiles floor-server.c once per source version into the temp directory; returns the binary. */
function compiled(): string {
  const source = readFileSync(C_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'featbit-ts-bench');
  const binary = join(dir, `floor-server-${hash}`);
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('cc', ['-O2', '-Wall', '-o', binary, C_SOURCE], { stdio: 'inherit' });
  }
  return binary;
}

function messages(child: ChildProcess, kind: 'node' | 'c'): (type: string) => Promise<unknown> {
  const waiting: { type: string; resolve: (m: unknown) => void }[] = [];
  const deliver = (m: unknown) => {
    const i = waiting.findIndex((w) => w.type === (m as { type?: string }).type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
  };
  if (kind === 'node') child.on('message', deliver);
  else createInterface({ input: child.stdout! }).on('line', (line) => deliver(JSON.parse(line)));
  return (type) => new Promise((resolve) => waiting.push({ type, resolve }));
}

/** Both servers exit with this status when their port was taken before they could bind it. */
const EXIT_PORT_TAKEN = 3;

/** Starts the floor server on a free port of its own, pinned to `core`. */
export function startFloorServer(kind: 'node' | 'c', core: number): Promise<FloorServer> {
  return onFreePort((port) => startOn(kind, core, port));
}

async function startOn(kind: 'node' | 'c', core: number, port: number): Promise<FloorServer> {
  const command =
    kind === 'node'
      ? [process.execPath, '-r', REGISTER, NODE_SERVER, String(port)]
      : [compiled(), String(port)];
  const child = spawn('taskset', ['-c', String(core), ...command], {
    stdio: kind === 'node' ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'],
  });
  const next = messages(child, kind);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(
        new Error(
          code === EXIT_PORT_TAKEN
            ? `floor server (${kind}): port ${port}: EADDRINUSE`
            : `floor server (${kind}) exited with ${code}`,
        ),
      ),
    ),
  );
  exited.catch(() => undefined);
  await Promise.race([next('listening'), exited]);
  return {
    pid: child.pid!,
    port,
    label: kind === 'node' ? 'bare Node server' : 'bare C server (write(2) loop)',
    fanout: async () => {
      const reply = next('fanout');
      if (kind === 'node') child.send({ cmd: 'fanout' });
      else child.stdin!.write('fanout\n');
      return (await Promise.race([reply, exited])) as FanoutReply;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
