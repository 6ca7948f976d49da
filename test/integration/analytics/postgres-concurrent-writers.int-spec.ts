// Several analytics writers (replicas, or a re-delivery beside a live batch) inserting overlapping
// batches into real PostgreSQL at once: each batch spans several statements of one transaction, so
// rollup, counter and pair rows are locked in different orders and PostgreSQL may abort one writer
// as a deadlock victim. Every call must still succeed and every answer stay exact, experiment
// windows' included.
import { Client } from 'pg';
import { bucketBoundaries } from '../../../src/core/analytics/insight-interval';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import { PrimaryAnalyticsStore } from '../../../src/infrastructure/analytics/primary/primary-analytics.store';
import { createPostgresDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { generateEvents } from '../../contracts/analytics/analytics-query.contract';
import {
  normalizeExperimentSamples,
  normalizeInsights,
  referenceExperimentSamples,
  referenceInsights,
  referenceUsers,
} from '../../contracts/analytics/analytics-reference';
import {
  EXPERIMENT_FLAG,
  EXPERIMENT_METRIC,
  generateExperimentEvents,
} from '../../contracts/analytics/experiment-events';
import { createTestDatabase } from '../../contracts/database/postgres-test-database';
import { shuffled } from '../../support/seeded-prng';

jest.setTimeout(180_000);

describe('PostgreSQL analytics writers running at once', () => {
  it('all succeed and count every event once', async () => {
    const db = await createTestDatabase('featbit_analytics_writers');
    const dataStore = createPostgresDataStore({ url: db.url, poolSize: 8 });
    try {
      await dataStore.whenReady();
      const store = new PrimaryAnalyticsStore(dataStore);
      const envId = 'env-writers';
      // Six copies of the set, each over 12,000 events (several 5,000-event statements), in different orders.
      let events: InsightEvent[] = [];
      for (let k = 0; k < 8; k++) events = events.concat(generateEvents(envId, 'env-other', 100 + k));
      const fromMs = Date.UTC(2026, 2, 6);
      const toMs = fromMs + 4 * 24 * 3600_000;
      // Experiment windows (experiment-window-sql.ts): one built before the writers start, whose
      // users every writer folds into, and one built while they run.
      for (let k = 0; k < 3; k++) {
        events = events.concat(
          generateExperimentEvents(envId, 'env-other', fromMs * 1000, (toMs - fromMs) * 1000),
        );
      }
      const before = {
        envId,
        flagKey: EXPERIMENT_FLAG,
        metricEvent: 'CustomEvent',
        metricEventName: EXPERIMENT_METRIC,
        fromUs: fromMs * 1000,
        toUs: toMs * 1000,
      };
      const during = { ...before, fromUs: before.fromUs + 12 * 3600_000_000 };
      expect((await store.experimentSamples(before)).variations).toEqual([]);
      const batches = [0, 1, 2, 3, 4, 5].map((seed) => shuffled(events, seed));
      // Half the events first, so the build has rows to read while the writers add the rest.
      const half = Math.floor(events.length / 2);
      await store.writeEvents(batches[0].slice(0, half));
      const built = store.experimentSamples(during);
      const results = await Promise.allSettled(batches.map((batch) => store.writeEvents(batch)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual(
        Array(6).fill('fulfilled'),
      );
      await built;
      const inserted = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.inserted : 0), 0);
      expect(inserted).toBe(events.length - half);
      for (const q of [before, during]) {
        expect(normalizeExperimentSamples(await store.experimentSamples(q))).toEqual(
          normalizeExperimentSamples(referenceExperimentSamples(events, q)),
        );
      }

      const q = {
        envId,
        flagKey: 'checkout',
        boundariesUs: bucketBoundaries('DAY', fromMs, toMs, 'UTC').map((ms) => ms * 1000),
        fromUs: fromMs * 1000,
        toUs: toMs * 1000,
      };
      expect(normalizeInsights(await store.flagInsights(q))).toEqual(
        normalizeInsights(referenceInsights(events, q)),
      );
      const users = {
        envId,
        flagKey: 'checkout',
        fromUs: q.fromUs,
        toUs: q.toUs,
        pageIndex: 0,
        pageSize: 20,
      };
      const page = await store.flagUsers(users);
      expect({ ...page, totalCount: Number(page.totalCount) }).toEqual(referenceUsers(events, users));
    } finally {
      await dataStore.close();
      await db.drop();
    }
  });

  it("builds an experiment window only under the environment's writer lock", async () => {
    // A writer holding the lock may be about to commit events its fold cannot put into a window
    // that is not committed yet; a build that did not wait for it would miss them for good.
    const db = await createTestDatabase('featbit_analytics_window_lock');
    const dataStore = createPostgresDataStore({ url: db.url, poolSize: 4 });
    const writer = new Client({ connectionString: db.url });
    try {
      await dataStore.whenReady();
      const store = new PrimaryAnalyticsStore(dataStore);
      await writer.connect();
      await writer.query('BEGIN');
      await writer.query(`SELECT pg_advisory_xact_lock(hashtextextended('featbit-ts:analytics:' || $1, 0))`, [
        'env-lock',
      ]);
      let built = false;
      const build = store
        .experimentSamples({
          envId: 'env-lock',
          flagKey: EXPERIMENT_FLAG,
          metricEvent: 'CustomEvent',
          metricEventName: EXPERIMENT_METRIC,
          fromUs: 0,
          toUs: 1e15,
        })
        .then(() => (built = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(built).toBe(false);
      await writer.query('COMMIT');
      await build;
      expect(built).toBe(true);
    } finally {
      await writer.end().catch(() => undefined);
      await dataStore.close();
      await db.drop();
    }
  });
});
