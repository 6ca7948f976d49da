import type { IFbClient } from '@featbit/node-server-sdk';
import Redis from 'ioredis';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../../support/management-client';
import { type RunningProduct, startProduct } from '../../support/product';
import { endUsersPresent, InsightLoad } from './insight-load';
import { SdkFleet } from './sdk-fleet';
import { SPLIT_JWT_SECRET, SplitDeployment } from './split-deployment';

// The split-role proof for one provider combination (issue 7): 1 api + 2 evaluation + 1 analytics
// processes; an official SDK on each evaluation process; 10,000 tracked events through both
// evaluation processes while the broker goes down and comes back; flag changes before, during and
// after the outage. Each spec file calls describeSplitDeployment() once per combination.

export interface ScenarioOutage {
  begin(): Promise<void>;
  end(): Promise<void>;
  /** The database itself is down: the api cannot commit a change until it is back. */
  blocksManagement: boolean;
  /**
   * Job messages that are queued but not yet consumed when the broker goes down are lost (Redis
   * restarted without persistence). Everything else must arrive exactly once.
   */
  losesQueuedJobs: boolean;
}

export interface ScenarioSetup {
  /** Provider settings for every process (DB_PROVIDER, POSTGRES_URL, MQ_PROVIDER, …). */
  env: Record<string, string>;
  /** The primary database, read directly to count events. */
  databaseUrl: string;
  outage: ScenarioOutage;
  /** PostgreSQL queue: cut every session of the product's database (the server stays up). */
  terminateSessions?: () => Promise<number>;
  /** Set when CACHE_PROVIDER=redis: the test reads the cache keys directly. */
  cacheRedisUrl?: string;
  teardown(): Promise<void>;
}

const FLAG_KEY = 'split-version';
const VERSIONS = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'];
/** How long the broker stays down while events and changes keep coming. */
const OUTAGE_MS = Number(process.env.SPLIT_ROLES_OUTAGE_MS ?? 6_000);
export const TOTAL_EVENTS = 10_000;
const PHASES = { before: 3_000, backlog: 2_000, outage: 2_000, after: 3_000 } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Liveness, and whether readiness said "not ready" at least once before `until`. */
async function health(p: RunningProduct, until: number): Promise<{ alive: boolean; ready: boolean }> {
  const status = async (probe: string) => {
    try {
      return (await fetch(`${p.baseUrl}/health/${probe}`, { signal: AbortSignal.timeout(3_000) })).status;
    } catch {
      return 0;
    }
  };
  let ready = true;
  while (ready && Date.now() < until) {
    ready = (await status('readiness')) === 200;
    if (ready) await sleep(200);
  }
  return { alive: (await status('liveness')) === 200, ready };
}

export interface ScenarioSummary {
  scenario: string;
  eventsSent: number;
  rows: number;
  uuids: number;
  exactlyOnce: number;
  lost: number;
  duplicates: number;
  retriedBatches: number;
  refusedRequests: number;
  changeAttemptsDuringOutage: number;
  secondsToConvergeAfterOutage: number;
  /** Milestones, ms since the start of the suite / of the event run. */
  timeline: string;
}

/** What the combination has, known when the tests are defined (the servers start in beforeAll). */
export interface ScenarioShape {
  /** MQ_PROVIDER=postgres: also cut the product's sessions with pg_terminate_backend. */
  cutsSessions: boolean;
  /** CACHE_PROVIDER=redis: also check the cache after the outage. */
  cache: boolean;
}

export function describeSplitDeployment(
  name: string,
  shape: ScenarioShape,
  setup: () => Promise<ScenarioSetup>,
): void {
  describe(name, () => {
    let s: ScenarioSetup;
    let deployment: SplitDeployment;
    let api: ManagementClient;
    let env: EnvironmentInfo;
    let flag: FeatureFlag;
    let fleet: SdkFleet;
    let serverSecret: string;
    const timeline: string[] = [];
    const mark = (what: string, since: number) => timeline.push(`${what} ${Date.now() - since}`);
    const extra: { product?: RunningProduct; client?: IFbClient } = {};

    /** Serves VERSIONS[i] to everyone; retried while the api refuses (database down). */
    const setVersion = async (i: number, retryForMs = 0): Promise<number> => {
      const deadline = Date.now() + retryForMs;
      for (let attempt = 1; ; attempt++) {
        try {
          await api.updateTargeting(env.id, FLAG_KEY, {
            fallthrough: {
              dispatchKey: null,
              includedInExpt: false,
              variations: [{ id: flag.variations[i].id, rollout: [0, 1], exptRollout: 1 }],
            },
          });
          return attempt;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await sleep(250);
        }
      }
    };

    /** Appends the processes' warnings and errors to a failure. */
    const explained = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (err) {
        if (err instanceof Error)
          err.message += `\n--- product warnings/errors ---\n${deployment.logs().slice(-6000)}`;
        throw err;
      }
    };

    beforeAll(async () => {
      const t0 = Date.now();
      s = await setup();
      mark('servers', t0);
      deployment = await SplitDeployment.start({ env: s.env });
      api = await signIn(deployment.api.baseUrl);
      env = await api.environment('dev');
      serverSecret = env.secrets.find((x) => x.type === 'server')!.value;
      flag = await api.createFlag(env.id, {
        key: FLAG_KEY,
        variationType: 'string',
        values: VERSIONS,
        enabledIndex: 0,
      });
      mark('processes', t0);
      fleet = await SdkFleet.connect(deployment.evaluations, serverSecret);
      mark('sdks', t0);
    });

    afterAll(async () => {
      // SPLIT_ROLES_LOGS=<regexp>: print the matching log lines of every process (diagnosis).
      if (process.env.SPLIT_ROLES_LOGS)
        console.log(deployment?.logs(new RegExp(process.env.SPLIT_ROLES_LOGS)));
      await extra.client?.close();
      await extra.product?.stop();
      await fleet?.close();
      await deployment?.stop();
      await s?.teardown();
    });

    it('an SDK on each evaluation process sees a change made through the api process', () =>
      explained(async () => {
        await fleet.waitForValue(FLAG_KEY, 'v0', 20_000);
        await setVersion(1);
        await fleet.waitForValue(FLAG_KEY, 'v1', 20_000);
        expect(fleet.connections()).toEqual([
          { opened: 1, closed: 0 },
          { opened: 1, closed: 0 },
        ]);
      }));

    // PostgreSQL queue: the listeners come back after the api's pool did, so the change is found
    // by the replay of missed broadcast rows. (The outage test covers missed changes elsewhere.)
    if (shape.cutsSessions) {
      it('a change committed while the evaluation processes are cut from the queue still reaches every SDK', () =>
        explained(async () => {
          expect(await s.terminateSessions!()).toBeGreaterThan(0);
          await setVersion(2, 30_000);
          await fleet.waitForValue(FLAG_KEY, 'v2', 30_000);
        }));
    }

    it(`delivers ${TOTAL_EVENTS.toLocaleString('en')} tracked events exactly once through both evaluation processes while the broker goes down and comes back; every SDK ends on the latest flag version`, () =>
      explained(async () => {
        const prefix = `split-${Date.now().toString(36)}`;
        const load = new InsightLoad(deployment.evaluations, serverSecret, prefix);
        const t0 = Date.now();
        await load.send('before', PHASES.before);
        mark('before', t0);
        // Analytics stops consuming, so the outage hits jobs that are still queued.
        deployment.freezeAnalytics();
        await load.send('backlog', PHASES.backlog);
        mark('backlog', t0);
        // What may be lost without persistence: accepted before the crash and not yet written.
        const writtenBeforeCrash = s.outage.losesQueuedJobs ? (await load.count(s.databaseUrl)).once : null;
        const acceptedBeforeCrash = load.sent;
        await s.outage.begin();
        mark('outage-begun', t0);
        const during = load.send('outage', PHASES.outage);
        const change = setVersion(3, 120_000);
        // Analytics comes back while the broker is still down, so it lives through the outage too.
        await sleep(OUTAGE_MS / 3);
        deployment.resumeAnalytics();
        // Meanwhile every process is alive and says it is not ready.
        const outageEndsAt = Date.now() + (OUTAGE_MS * 2) / 3;
        const duringOutage = await Promise.all(deployment.all.map((p) => health(p, outageEndsAt)));
        await sleep(outageEndsAt - Date.now());
        await s.outage.end();
        mark('outage-ended', t0);
        const recoveredAt = Date.now();
        const changeAttempts = await change;
        // The api keeps taking changes (into its outbox) while only the broker is down.
        if (!s.outage.blocksManagement) expect(changeAttempts).toBe(1);
        await during;
        mark('during-done', t0);
        await load.send('after', PHASES.after);
        mark('after-done', t0);
        expect(load.sent).toBe(TOTAL_EVENTS);
        expect(duringOutage).toEqual(deployment.all.map(() => ({ alive: true, ready: false })));

        // The change made during the outage reaches every SDK with no further change to carry it.
        await fleet.waitForValue(FLAG_KEY, 'v3', 60_000);
        const converged = (Date.now() - recoveredAt) / 1000;
        await setVersion(4);
        await fleet.waitForValue(FLAG_KEY, 'v4', 30_000);
        mark('v4', t0);

        const mayBeLost = new Set<number>();
        if (writtenBeforeCrash) {
          for (let n = 0; n < acceptedBeforeCrash; n++) if (!writtenBeforeCrash.has(n)) mayBeLost.add(n);
        }
        // Well under the 60 s visibility timeout: a batch that waited for it would fail the test.
        const counted = await load.settle(s.databaseUrl, TOTAL_EVENTS - mayBeLost.size, 45_000);
        mark('settled', t0);
        const retried = new Set(
          load.retried.flatMap((b) => Array.from({ length: b.count }, (_, i) => b.first + i)),
        );
        const missing: number[] = [];
        const lost: number[] = [];
        const duplicated: number[] = [];
        for (let n = 0; n < TOTAL_EVENTS; n++) {
          if (counted.once.has(n)) continue;
          if (counted.duplicates.has(n)) duplicated.push(n);
          else if (mayBeLost.has(n)) lost.push(n);
          else missing.push(n);
        }
        const summary: ScenarioSummary = {
          scenario: name,
          eventsSent: load.sent,
          rows: counted.rows,
          uuids: counted.uuids,
          exactlyOnce: counted.once.size,
          lost: lost.length,
          duplicates: duplicated.length,
          retriedBatches: load.retried.length,
          refusedRequests: load.batches.reduce((sum, b) => sum + b.errors.length, 0),
          changeAttemptsDuringOutage: changeAttempts,
          secondsToConvergeAfterOutage: converged,
          timeline: timeline.join(', '),
        };

        console.log(`split-roles summary ${JSON.stringify(summary)}`);

        expect(counted.uuids).toBe(counted.rows);
        expect({ missing: missing.length, first: missing.slice(0, 10) }).toEqual({ missing: 0, first: [] });
        // A retried request may have been stored by the attempt that looked failed; any other
        // duplicate is a bug. (None were seen; the summary reports them.)
        expect(duplicated.filter((n) => !retried.has(n))).toEqual([]);
        if (s.outage.losesQueuedJobs) {
          // Redis without persistence: what was still in the stream is gone, and only that (the
          // frozen consumer left most of the backlog there).
          expect(lost.length).toBeGreaterThan(0);
        } else {
          expect(lost).toEqual([]);
          expect(counted.once.size + duplicated.length).toBe(TOTAL_EVENTS);
        }

        // featbit-endusers went through the same queue.
        const phases = s.outage.losesQueuedJobs
          ? ['before', 'outage', 'after']
          : ['before', 'backlog', 'outage', 'after'];
        const users = phases.flatMap((p) => load.usersOf(p));
        expect([...(await endUsersPresent(s.databaseUrl, users))].sort()).toEqual([...users].sort());

        // Nobody had to reconnect, and every process is ready again.
        expect(fleet.connections()).toEqual([
          { opened: 1, closed: 0 },
          { opened: 1, closed: 0 },
        ]);
        for (const p of deployment.all) {
          await p.waitForReady(30_000);
        }
      }));

    if (!shape.cache) return;
    it('keeps the Redis cache on the latest flag version through the outage; an evaluation process started afterwards serves it', () =>
      explained(async () => {
        const latest = await api.getFlag(env.id, FLAG_KEY);
        const redis = new Redis(s.cacheRedisUrl!, { lazyConnect: true, maxRetriesPerRequest: 1 });
        try {
          await redis.connect();
          // The populating api process refills the cache after Redis came back: wait for it.
          const deadline = Date.now() + 30_000;
          let cached: FeatureFlag | null = null;
          while (Date.now() < deadline) {
            const [marker, json] = await Promise.all([
              redis.get('featbit:redis-is-populated'),
              redis.get(`featbit:flag:${latest.id}`),
            ]);
            cached = json ? (JSON.parse(json) as FeatureFlag) : null;
            if (marker === 'true' && cached?.updatedAt === latest.updatedAt) break;
            await sleep(200);
          }
          expect(cached?.updatedAt).toBe(latest.updatedAt);
          expect(cached?.fallthrough.variations[0].id).toBe(flag.variations[4].id);
          expect(await redis.get('featbit:redis-is-populated')).toBe('true');
        } finally {
          redis.disconnect();
        }
        extra.product = await startProduct({
          roles: 'evaluation',
          env: { JWT_SECRET: SPLIT_JWT_SECRET, LOG_LEVEL: 'info', ...s.env },
        });
        const late = await SdkFleet.connect([extra.product], serverSecret);
        extra.client = late.members[0].client;
        await late.waitForValue(FLAG_KEY, 'v4', 20_000);
      }));
  });
}
