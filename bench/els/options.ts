import type { Stack } from './processes';

// Command line: `npm run bench:els -- <scenario>[,<scenario>…] [--option value]…`.

export const SCENARIOS = [
  'storm',
  'storm-ab',
  'held',
  'fanout',
  'edge',
  'large',
  'client',
  'rest',
  'client-rest',
  'change',
  'floor',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Options {
  scenarios: Scenario[];
  stack: Stack;
  /** Connections (held, fanout, edge, large, client); the scenario's default when null. */
  connections: number | null;
  /** New connections per second (storm: the measured rate; fleets: the ramp). */
  rate: number | null;
  /** Measured seconds (storm, held hold time, rest per endpoint). */
  duration: number | null;
  warmup: number;
  /** Changes per propagation scenario (default 5) or sequential changes per kind (change: 200). */
  rounds: number | null;
  /** Changes made (and checked) before the measured rounds; reported in a row of their own. */
  warmUpRounds: number;
  /** Evaluation processes (all pinned to the server core); default: enough for the file limit. */
  servers: number | null;
  workers: number | null;
  /** Source addresses 127.0.0.2 … 127.0.0.(1+n). */
  addresses: number;
  pingSeconds: number;
  /** Large scenario: string and JSON flags. */
  largeStrings: number;
  largeJsons: number;
  /** Standard environment size. */
  flags: number;
  /** REST: keep-alive connections. */
  httpConnections: number;
  serverCore: number;
  loadCore: number;
  redisDb: number;
  json: string | null;
  cpuProf: string | null;
  /** LOG_LEVEL of the evaluation processes; 'debug' adds the server's own fan-out time per change. */
  serverLog: string;
  /** Load workers busy-poll while a round's pushes arrive (no wake-up interrupts charged to the server). */
  spin: boolean;
  /** Steer loopback receive processing to the load core (see net-tuning.ts); needs root. */
  rps: boolean;
  /** A directory holding another build (dist/main.js) to run as the evaluation role. */
  evaluationBuild: string | null;
  /** storm-ab: the second evaluation process runs DIR/dist/main.js instead (A/B in one run). */
  evaluationBuildB: string | null;
  /** The same for the api role (management write path before/after). */
  apiBuild: string | null;
  /** The floor scenario's server: the bare Node server or the same in C (write(2) in a loop). */
  floorServer: 'node' | 'c';
  /** Large scenario: the SDK connections offer permessage-deflate (both: plain and compressed phases, interleaved). */
  deflate: 'off' | 'on' | 'both';
}

const USAGE = `usage: npm run bench:els -- <${SCENARIOS.join('|')}>[,…] [options]
  --stack postgres|redis|embedded   providers (default postgres: PostgreSQL store + queue)
  --connections N   --rate N/s   --duration S   --warmup S   --rounds N   --ping S
  --warm-up-rounds N (changes before the measured rounds, reported apart; default 1)
  --servers N (evaluation processes on the server core)   --workers N (load processes)
  --addresses N (source addresses 127.0.0.2…)   --http-connections N   --flags N
  --large-strings N --large-jsons N   --server-core C --load-core C   --redis-db N
  --json FILE (write the report)   --cpu-prof DIR (profile the evaluation process)
  --server-log debug (the evaluation logs each change's fan-out time; reported as a stage)
  --spin on|off (load workers busy-poll while pushes arrive: no wake-up IPIs charged to the server)
  --rps on|off (loopback receive processing on the load core, as on the clients' own machines; root)
  --evaluation-build DIR (run DIR/dist/main.js as the evaluation role: before/after comparisons)
  --evaluation-build-b DIR (storm-ab: the second evaluation process runs this build)
  --api-build DIR (the same for the api role)
  --floor-server node|c (floor: the bare server in Node, default, or in C; c needs cc)
  --deflate off|on|both (large: connections offer permessage-deflate; both: plain and compressed phases interleaved, twice)`;

export function parseOptions(argv: string[]): Options {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) throw new Error(USAGE);
  const scenarios = first.split(',') as Scenario[];
  for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}\n${USAGE}`);
  const o: Options = {
    scenarios,
    stack: 'postgres',
    connections: null,
    rate: null,
    duration: null,
    warmup: 3,
    rounds: null,
    warmUpRounds: 1,
    servers: null,
    workers: null,
    addresses: 8,
    pingSeconds: 20,
    largeStrings: 2500,
    largeJsons: 500,
    flags: 20,
    httpConnections: 32,
    serverCore: 0,
    loadCore: 1,
    redisDb: 13,
    json: null,
    cpuProf: null,
    serverLog: 'info',
    spin: false,
    rps: false,
    evaluationBuild: null,
    evaluationBuildB: null,
    apiBuild: null,
    floorServer: 'node',
    deflate: 'off',
  };
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
    const n = Number(value);
    const int = () => {
      if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: not a number: ${value}`);
      return n;
    };
    switch (name) {
      case '--stack':
        if (value !== 'postgres' && value !== 'redis' && value !== 'embedded') throw new Error(USAGE);
        o.stack = value;
        break;
      case '--connections':
        o.connections = int();
        break;
      case '--rate':
        o.rate = int();
        break;
      case '--duration':
        o.duration = int();
        break;
      case '--warmup':
        o.warmup = int();
        break;
      case '--rounds':
        o.rounds = int();
        break;
      case '--warm-up-rounds':
        o.warmUpRounds = int();
        break;
      case '--servers':
        o.servers = int();
        break;
      case '--workers':
        o.workers = int();
        break;
      case '--addresses':
        o.addresses = Math.max(1, int());
        break;
      case '--ping':
        o.pingSeconds = int();
        break;
      case '--large-strings':
        o.largeStrings = int();
        break;
      case '--large-jsons':
        o.largeJsons = int();
        break;
      case '--flags':
        o.flags = Math.max(2, int());
        break;
      case '--http-connections':
        o.httpConnections = Math.max(1, int());
        break;
      case '--server-core':
        o.serverCore = int();
        break;
      case '--load-core':
        o.loadCore = int();
        break;
      case '--redis-db':
        o.redisDb = int();
        break;
      case '--json':
        o.json = value;
        break;
      case '--cpu-prof':
        o.cpuProf = value;
        break;
      case '--server-log':
        o.serverLog = value;
        break;
      case '--api-build':
        o.apiBuild = value;
        break;
      case '--evaluation-build':
        o.evaluationBuild = value;
        break;
      case '--evaluation-build-b':
        o.evaluationBuildB = value;
        break;
      case '--spin':
        if (value !== 'on' && value !== 'off') throw new Error(`--spin on|off\n${USAGE}`);
        o.spin = value === 'on';
        break;
      case '--floor-server':
        if (value !== 'node' && value !== 'c') throw new Error(`--floor-server node|c\n${USAGE}`);
        o.floorServer = value;
        break;
      case '--deflate':
        if (value !== 'on' && value !== 'off' && value !== 'both')
          throw new Error(`--deflate off|on|both\n${USAGE}`);
        o.deflate = value;
        break;
      case '--rps':
        if (value !== 'on' && value !== 'off') throw new Error(`--rps on|off\n${USAGE}`);
        o.rps = value === 'on';
        break;
      default:
        throw new Error(`unknown option ${name}\n${USAGE}`);
    }
  }
  return o;
}

export function localAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.0.0.${2 + i}`);
}
