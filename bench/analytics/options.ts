// Command line: `npm run bench:analytics -- <scenario>[,<scenario>…] [--option value]…`.

export const SCENARIOS = [
  'ingest-pg',
  'ingest-ch',
  'reads-pg',
  'reads-ch',
  'experiment-pg',
  'experiment-ch',
  'burst',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const CH_INGEST_MODES = ['role', 'kafka'] as const;
export const PG_QUEUES = ['postgres', 'kafka'] as const;
export type PgQueue = (typeof PG_QUEUES)[number];
export type ChIngestMode = (typeof CH_INGEST_MODES)[number];

export interface Options {
  scenarios: Scenario[];
  /**
   * Events per scenario; null: the scenario's default (ingest 500,000, reads 10,000,000, burst
   * 1,000,000; experiment: 1,000,000 exposures and as many metric events).
   */
  events: number | null;
  /** Measured runs of each read query (after 2 warm-up runs). */
  runs: number;
  /** ingest-ch rows: the role writes (role) and/or ClickHouse reads the topic itself (kafka). */
  chIngest: ChIngestMode[];
  /** ingest-pg rows: the queue the role drains into PostgreSQL. */
  pgQueues: PgQueue[];
  /** Events per writeEvents call when loading the reads data set. */
  loadBatch: number;
  serverCore: number;
  loadCore: number;
  /** Output directory; default bench/results/<UTC date>/. */
  out: string | null;
  /** Suffix of the result files (analytics-<scenarios>[-<tag>].json/.md). */
  tag: string | null;
  /** Leave the databases behind (to inspect them); default: dropped. */
  keep: boolean;
  /** Another build's main.js to run as the analytics role; default this repository's dist/main.js. */
  main: string | null;
  /** NODE_OPTIONS of the analytics role (profiling: --require a script starting the profiler). */
  roleNodeOptions: string | null;
  /**
   * The ClickHouse the in-process reads run on: the test server (ClickHouse 18.16 from Debian), or
   * a current engine, chdb in this process (TEST_CHDB_MODULE from .ci/chdb.sh; reads-ch and
   * experiment-ch only, since the role process cannot share it).
   */
  clickhouseEngine: 'server' | 'chdb';
}

export const DEFAULT_EVENTS: Record<Scenario, number> = {
  'ingest-pg': 500_000,
  'ingest-ch': 500_000,
  'reads-pg': 10_000_000,
  'reads-ch': 10_000_000,
  'experiment-pg': 1_000_000,
  'experiment-ch': 1_000_000,
  burst: 1_000_000,
};

const USAGE = `usage: npm run bench:analytics -- <${SCENARIOS.join('|')}>[,…] [options]
  --events N        events per scenario (default: ingest 500000, reads 10000000, burst 1000000;
                    experiment: N exposures and N metric events, default 1000000)
  --runs N          measured runs per read query (default 20, after 2 warm-up runs)
  --ch-ingest role,kafka   ingest-ch rows (default both)
  --pg-queue postgres,kafka   ingest-pg rows: the queue drained into PostgreSQL (default postgres)
  --load-batch N    events per writeEvents call when loading the reads data set (default 50000)
  --server-core C --load-core C   (default 0 and 1; npm run pins this process to core 1)
  --out DIR (default bench/results/<UTC date>)   --tag NAME (result file suffix)   --keep
  --main FILE (another build's main.js as the analytics role; default dist/main.js)
  --role-node-options "…"   NODE_OPTIONS of the analytics role (e.g. --require a profiler)
  --clickhouse-engine server|chdb   reads-ch and experiment-ch on the test server (default) or on a
                    current engine in this process (chdb; TEST_CHDB_MODULE from .ci/chdb.sh env)`;

function positive(name: string, value: string | undefined): number {
  const n = Number((value ?? '').replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer\n${USAGE}`);
  return n;
}

/** A comma list of `allowed` values, e.g. `--pg-queue postgres,kafka`. */
function listOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  const items = (value ?? '').split(',') as T[];
  if (items.some((i) => !allowed.includes(i))) throw new Error(`--${name}: ${allowed.join(',')}\n${USAGE}`);
  return items;
}

export function parseOptions(argv: string[]): Options {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) throw new Error(USAGE);
  const scenarios = first.split(',') as Scenario[];
  for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}\n${USAGE}`);
  const o: Options = {
    scenarios,
    events: null,
    runs: 20,
    chIngest: ['role', 'kafka'],
    pgQueues: ['postgres'],
    loadBatch: 50_000,
    serverCore: 0,
    loadCore: 1,
    out: null,
    tag: null,
    keep: false,
    main: null,
    roleNodeOptions: null,
    clickhouseEngine: 'server',
  };
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i].replace(/^--/, '');
    const value = rest[i + 1];
    switch (name) {
      case 'keep':
        o.keep = true;
        continue;
      case 'events':
        o.events = positive(name, value);
        break;
      case 'runs':
        o.runs = positive(name, value);
        break;
      case 'load-batch':
        o.loadBatch = positive(name, value);
        break;
      case 'server-core':
        o.serverCore = positive(name, String(Number(value) + 1)) - 1;
        break;
      case 'load-core':
        o.loadCore = positive(name, String(Number(value) + 1)) - 1;
        break;
      case 'ch-ingest':
        o.chIngest = listOf(name, value, CH_INGEST_MODES);
        break;
      case 'pg-queue':
        o.pgQueues = listOf(name, value, PG_QUEUES);
        break;
      case 'out':
        o.out = value ?? null;
        break;
      case 'main':
        o.main = value ?? null;
        break;
      case 'role-node-options':
        o.roleNodeOptions = value ?? null;
        break;
      case 'tag':
        o.tag = value ?? null;
        break;
      case 'clickhouse-engine':
        if (value !== 'server' && value !== 'chdb')
          throw new Error(`--clickhouse-engine: server or chdb\n${USAGE}`);
        o.clickhouseEngine = value;
        break;
      default:
        throw new Error(`unknown option ${rest[i]}\n${USAGE}`);
    }
    i++;
  }
  if (o.clickhouseEngine === 'chdb') {
    const other = o.scenarios.filter((s) => s !== 'reads-ch' && s !== 'experiment-ch');
    if (other.length > 0)
      throw new Error(`--clickhouse-engine chdb: reads-ch and experiment-ch only\n${USAGE}`);
  }
  return o;
}

export function eventsFor(options: Options, scenario: Scenario): number {
  return options.events ?? DEFAULT_EVENTS[scenario];
}
