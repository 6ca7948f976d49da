import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type { ExperimentSamplesQuery } from '../../../src/core/ports/analytics-query.port';
import {
  type ClickHouseAnalyticsOptions,
  type ClickHouseAnalyticsStore,
  createClickHouseAnalyticsStore,
} from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { shuffled } from '../../support/seeded-prng';
import { normalizeExperimentSamples, referenceExperimentSamples } from './analytics-reference';
import { type LifecycleHarness, ready } from './clickhouse-lifecycle';
import { EXPERIMENT_FLAG, EXPERIMENT_METRIC, generateExperimentEvents } from './experiment-events';

// The ClickHouse store's experiment snapshots (clickhouse-experiment-windows.ts), which the query
// contract barely reaches: there every event is inserted within a second of the read, so each read
// recounts all users. Here reads come a second after inserts (the watermark margin is 0), so each
// answer comes from a snapshot, from a snapshot plus users with newer events, or from a rebuilt one,
// and must equal the reference over what was sent.

const H = 3600_000_000;
const SPAN = 4 * 24 * H;

/** Waits past the server's current second: rows inserted so far then lie before a new watermark. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1_100));

async function rowsOf<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

export function describeClickHouseExperimentWindows(name: string, open: () => LifecycleHarness): void {
  describe(`ClickHouse experiment snapshots: ${name}`, () => {
    const database = `fbts_windows_${process.pid}_${Date.now()}`;
    let store: ClickHouseAnalyticsStore;
    let client: ClickHouseClient;
    // The window started three days ago and ends tomorrow: open (its end is not part of its key),
    // with metric events after "now" for the read that ends now.
    const nowUs = Date.now() * 1000;
    const t0 = nowUs - 3 * 24 * H;
    const envId = randomUUID();
    const events = shuffled(generateExperimentEvents(envId, randomUUID(), t0, SPAN), 31);
    const q = (over: Partial<ExperimentSamplesQuery>): ExperimentSamplesQuery => ({
      envId,
      flagKey: EXPERIMENT_FLAG,
      metricEvent: 'CustomEvent',
      metricEventName: EXPERIMENT_METRIC,
      fromUs: t0,
      toUs: t0 + SPAN,
      ...over,
    });
    const windows: [string, ExperimentSamplesQuery][] = [
      ['open, ends tomorrow', q({})],
      ['open, ends now (users with later events recounted)', q({ toUs: nowUs })],
      ['closed two days ago', q({ fromUs: t0 + 2 * H, toUs: t0 + 30 * H + 2 })],
    ];

    beforeAll(async () => {
      const h = open();
      client = h.client();
      store = createClickHouseAnalyticsStore({
        ...h.options(database),
        // Every build cleans up, a superseded snapshot is dropped at once, and the users to recount
        // are found by a subquery (the query contract's reads cover them listed in the SQL).
        experimentSnapshots: {
          watermarkMarginS: 0,
          rebuildMinUsers: 0,
          listedUsers: 0,
          cleanup: { graceS: 0, everyMs: 0 },
        },
      });
      await ready(store);
    }, 60_000);

    afterAll(async () => {
      await store?.close();
      await client?.command({ query: `DROP DATABASE IF EXISTS ${database}` });
      await client?.close();
    }, 60_000);

    /** Runs `use` with another store on the same database (its own cache and tuning), then closes it. */
    async function withStore(
      snapshots: ClickHouseAnalyticsOptions['experimentSnapshots'],
      use: (other: ClickHouseAnalyticsStore) => Promise<void>,
    ): Promise<void> {
      const other = createClickHouseAnalyticsStore({
        ...open().options(database),
        experimentSnapshots: snapshots,
      });
      try {
        await ready(other);
        await use(other);
      } finally {
        await other.close();
      }
    }

    async function expectAll(step: string, sent: readonly InsightEvent[]) {
      for (const [label, query] of windows) {
        const got = normalizeExperimentSamples(await store.experimentSamples(query));
        const expected = normalizeExperimentSamples(referenceExperimentSamples(sent, query));
        expect({ step, label, samples: got }).toEqual({ step, label, samples: expected });
      }
    }

    const builds = async () =>
      rowsOf<{ generation: string; users: number | string }>(
        client,
        `SELECT DISTINCT generation, users FROM ${database}.experiment_windows ORDER BY generation`,
      );
    const snapshotRows = async () =>
      rowsOf<{ generation: string; n: number | string }>(
        client,
        `SELECT generation, count() AS n FROM ${database}.experiment_window_users GROUP BY generation`,
      );

    it('answers from a snapshot, from one plus the users with newer events, and from a rebuilt one', async () => {
      const half = Math.floor(events.length / 2);
      const first = events.slice(0, half);
      await store.writeEvents(first);
      await nextSecond();
      await expectAll('a snapshot of the first half', first);
      const built = await builds();
      // The two open reads share one snapshot (an open window's end is not part of its key).
      expect(built).toHaveLength(2);
      // Each window's snapshot holds its exposed users (the reads above were not raw scans).
      expect(built.every((b) => Number(b.users) > 0)).toBe(true);
      expect((await snapshotRows()).map((r) => Number(r.n)).sort()).toEqual(
        built.map((b) => Number(b.users)).sort(),
      );

      // The second half arrives within the same second as the reads: recounted beside the snapshot.
      await store.writeEvents(events.slice(half));
      await expectAll('the second half beside the snapshot', events);

      // A second later the recount is due for a rebuild (rebuildMinUsers 0), which then holds it all.
      await nextSecond();
      await expectAll('after the rebuild', events);
      expect((await builds()).length).toBeGreaterThan(2);
      // The last build dropped the snapshots it superseded: one partition left per window (the other
      // window's superseded one, if it was rebuilt first, went with its own rebuild).
      expect(await snapshotRows()).toHaveLength(2);

      // A re-delivery adds nothing, and a new store (no cache) reads the registry's newest snapshot.
      await store.writeEvents(events.slice(0, 40));
      await withStore({ watermarkMarginS: 0 }, async (again) => {
        for (const [label, query] of windows) {
          expect({
            label,
            samples: normalizeExperimentSamples(await again.experimentSamples(query)),
          }).toEqual({
            label,
            samples: normalizeExperimentSamples(referenceExperimentSamples(events, query)),
          });
        }
      });
    }, 120_000);

    it('drops the snapshots of windows left unread, and rebuilds one when it is read again', async () => {
      // "Unread for more than -1 days" holds for every window: the next build's cleanup tombstones
      // them all and drops their snapshots; reading one again must build it anew.
      const purge = { watermarkMarginS: 0, cleanup: { graceS: 0, everyMs: 0, unreadDays: -1 } };
      await withStore(purge, async (purging) => {
        await nextSecond(); // every earlier build is then in an earlier second than the next one
        const [label, query] = windows[0];
        const expected = normalizeExperimentSamples(referenceExperimentSamples(events, query));
        expect({
          label,
          samples: normalizeExperimentSamples(await purging.experimentSamples(query)),
        }).toEqual({
          label,
          samples: expected,
        });
        const before = (await builds()).length;
        await purging.experimentSamples(q({ fromUs: t0 + 1 })); // a new window: a build, then cleanup
        // Only the window just built keeps its snapshot.
        expect(await snapshotRows()).toHaveLength(1);
        expect(normalizeExperimentSamples(await purging.experimentSamples(query))).toEqual(expected);
        expect((await builds()).length).toBeGreaterThan(before + 1);
      });
    }, 60_000);

    it('reads raw events when most users would be recounted', async () => {
      // Every row is within the hour-long margin of a new build, so all users are to recount, and
      // with no minimum that makes the read a raw scan of the window (a new key: another metric).
      await withStore({ watermarkMarginS: 3_600, rawMinUsers: 0 }, async (raw) => {
        const query = q({ metricEvent: 'PageView' });
        const expected = normalizeExperimentSamples(referenceExperimentSamples(events, query));
        expect(expected.some((v) => v.converted > 0)).toBe(true);
        expect(normalizeExperimentSamples(await raw.experimentSamples(query))).toEqual(expected);
      });
    }, 60_000);
  });
}
