// What OpenTelemetry tracing costs the evaluation role's fan-out loop when it is off (the default),
// and when it is on (docs/observability.md#tracing). One process, one core: the fan-out of HEAD
// (`git show HEAD:src/evaluation/environments/change-fanout.ts`, compiled against this tree's
// other modules) and of the working tree run interleaved on the same environment and connections,
// the order rotated every round. Fake connections (no sockets): what is timed is the loop itself.
//
//   taskset -c 0 node -r ./bench/evaluation/register-ts.cjs bench/tracing/off-cost.ts [clients] [servers] [rounds] [on]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EndUser } from '../../src/core/end-users/end-user';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import { TOPICS } from '../../src/core/ports/message-bus.port';
import type * as fanout from '../../src/evaluation/environments/change-fanout';
import {
  type EnvConnection,
  EnvironmentState,
  type FlagEntry,
} from '../../src/evaluation/environments/environment-state';
import {
  endFanoutSpan,
  startFanoutSpan,
  traceChangeProcess,
  tracingState,
} from '../../src/infrastructure/observability/change-tracing';

const [clients = 5_000, servers = 1_000, rounds = 200] = process.argv.slice(2, 5).map(Number);
/** `on`: also a variant with tracing on (an SDK registered). Without it the SDK is never loaded, as in production with tracing off. */
const withTracingOn = process.argv[5] === 'on';
const root = resolve(__dirname, '../..');

type Fanout = typeof fanout;

/**
 * A private copy of change-fanout.ts (HEAD's or the working tree's) with its relative imports
 * pointed at this tree: each variant gets functions of its own, so that no variant's argument
 * shapes change how V8 optimizes another's loop.
 */
function loadCopy(revision: 'HEAD' | 'working tree'): Fanout {
  const path = 'src/evaluation/environments/change-fanout.ts';
  const source = (
    revision === 'HEAD'
      ? execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8' })
      : readFileSync(join(root, path), 'utf8')
  ).replace(/from '(\.\.?\/[^']+)'/g, (_m, path: string) => {
    return `from '${join(root, 'src/evaluation/environments', path)}'`;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'fanout-before-')), 'change-fanout.ts');
  writeFileSync(file, source);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file written at run time
  return require(file) as Fanout;
}

let written = 0;
function connection(kind: 'server' | 'client', i: number): EnvConnection {
  const user: EndUser | null = kind === 'client' ? { keyId: `u${i}`, name: `u${i}` } : null;
  const head = Buffer.from(
    `{"messageType":"data-sync","data":{"eventType":"patch","userKeyId":"u${i}","featureFlags":[`,
  );
  return {
    kind,
    user,
    userKeyJson: JSON.stringify(`u${i}`),
    synced: true,
    send: (payload) => (written += payload.length),
    clientPatchHead: () => head,
    sendFrame: (frame) => (written += frame.length),
    close: () => undefined,
  };
}

function flag(round: number): FeatureFlag {
  const on = { id: 'v-on', name: 'On', value: 'true' };
  const off = { id: 'v-off', name: 'Off', value: 'false' };
  return {
    id: 'f1',
    envId: 'env',
    revision: `r${round}`,
    name: 'bench',
    description: '',
    key: 'bench',
    variationType: 'boolean',
    variations: [on, off],
    targetUsers: [],
    rules: [],
    isEnabled: round % 2 === 0,
    disabledVariationId: off.id,
    fallthrough: {
      variations: [{ id: on.id, rollout: [0, 0.5], exptRollout: 1 }],
      dispatchKey: null,
      includedInExpt: true,
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: 'c',
    updatorId: 'c',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 0, 1) + round * 1000).toISOString(),
  } as unknown as FeatureFlag;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const before = loadCopy('HEAD');
  const after = loadCopy('working tree');
  const tallied = loadCopy('working tree');
  const traced = loadCopy('working tree');
  const message = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
  const state = new EnvironmentState(
    'env',
    { envId: 'env', workspaceId: 'w', envResourceName: 'r' },
    {},
    () => undefined,
    0,
  );
  state.load([flag(0)], []);
  for (let i = 0; i < servers; i++) state.servers.add(connection('server', i));
  for (let i = 0; i < clients; i++) state.clients.add(connection('client', i));

  const variants: Record<string, (entry: FlagEntry) => number> = {
    'HEAD (before)': (entry) => before.pushFlagChange(state, entry),
    'tracing off (after)': (entry) => {
      // What apply() and handleFlagMessage add when off: the guards, then the untallied loop.
      return traceChangeProcess(TOPICS.flagChange, undefined, () => {
        const fanout = startFanoutSpan(state.envId, 'flag');
        return after.pushFlagChange(state, entry, fanout);
      });
    },
    'bytes tallied (tracing on, loop only)': (entry) => tallied.pushFlagChange(state, entry, { bytes: 0 }),
  };
  if (withTracingOn) {
    // An SDK as OtelTracing registers it, exporting to nowhere (the batch processor's work is kept).
    const { BatchSpanProcessor, NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
    new NodeTracerProvider({
      spanProcessors: [
        new BatchSpanProcessor({
          export: (_spans, done) => done({ code: 0 }),
          shutdown: () => Promise.resolve(),
        }),
      ],
    }).register();
    variants['tracing on (process + fan-out spans)'] = (entry) => {
      tracingState.on = true;
      try {
        return traceChangeProcess(TOPICS.flagChange, message, () => {
          const span = startFanoutSpan(state.envId, 'flag');
          if (span === undefined) throw new Error('no fan-out span');
          const sent = traced.pushFlagChange(state, entry, span);
          endFanoutSpan(span, sent);
          return sent;
        });
      } finally {
        tracingState.on = false;
      }
    };
  }
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 1; round <= rounds + 20; round++) {
    const entry = state.upsertFlag(flag(round));
    if (entry === null) throw new Error('the bench flag did not change');
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      const started = process.hrtime.bigint();
      const sent = variants[name](entry);
      const ns = Number(process.hrtime.bigint() - started);
      if (sent !== clients + servers) throw new Error(`${name} sent ${sent}`);
      if (round > 20) times[name].push(ns); // the first rounds warm the JIT up
    }
  }
  const base = median(times[names[0]]);
  console.log(
    `fan-out of one flag change to ${servers} server + ${clients} client connections, ${rounds} rounds (median)`,
  );
  for (const name of names) {
    const m = median(times[name]);
    console.log(
      `${name.padEnd(40)} ${(m / 1e6).toFixed(3)} ms  ${(m / (clients + servers)).toFixed(1)} ns/connection  ratio ${(m / base).toFixed(3)}`,
    );
  }
  console.log(`(${written} bytes written in all)`);
}

void main();
