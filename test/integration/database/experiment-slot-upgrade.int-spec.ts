// Upgrading a database that holds two experiments of the same (flag, metric) that are not archived
// (what the service's read-then-insert let two concurrent creates leave behind): the PostgreSQL
// migration and MongoDB's start-up step archive the newer, keep the older, and then enforce the
// unique index. Without the archiving step the index could not be built and the store would not start.
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { DuplicateKeyError } from '../../../src/core/shared/errors';
import { createMongoDataStore } from '../../../src/infrastructure/database/mongodb/mongo-data-store';
import { ExperimentSlot1763700000015 } from '../../../src/infrastructure/database/postgres/migrations/1763700000015-experiment-slot.migration';
import { POSTGRES_MIGRATIONS } from '../../../src/infrastructure/database/postgres/migrations/postgres-migrations';
import { openMigrationPglite } from '../../contracts/database/pglite-under-jest';

const TEST_MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

const flagId = randomUUID();
const metricId = randomUUID();
const older = randomUUID();
const newer = randomUUID();
const archived = randomUUID();
const otherFlag = randomUUID();

describe('experiment slot: upgrading a database with duplicate active experiments', () => {
  it('PostgreSQL: migration 1763700000015 archives the newer duplicate and builds the index', async () => {
    const { db, runner } = openMigrationPglite();
    try {
      const before = POSTGRES_MIGRATIONS.filter((m) => m !== ExperimentSlot1763700000015);
      expect(before).toHaveLength(POSTGRES_MIGRATIONS.length - 1);
      for (const Migration of before) await new Migration().up(runner);
      const insert = (id: string, flag: string, isArchived: boolean, createdAt: string) =>
        db.query(
          `INSERT INTO experiments (id, env_id, metric_id, feature_flag_id, is_archived, status,
             baseline_variation_id, alpha, method, guard, iterations, created_at, updated_at)
           VALUES ($1, 'env', $2, $3, $4, 'Recording', 'v1', 0.05, 'fixed', NULL, '[]', $5, $5)`,
          [id, metricId, flag, isArchived, createdAt],
        );
      await insert(newer, flagId, false, '2026-12-02T00:00:00Z');
      await insert(older, flagId, false, '2026-12-01T00:00:00Z');
      await insert(archived, flagId, true, '2026-11-01T00:00:00Z');
      await insert(otherFlag, randomUUID(), false, '2026-12-03T00:00:00Z');

      await new ExperimentSlot1763700000015().up(runner);

      const { rows } = await db.query<{ id: string; is_archived: boolean; status: string }>(
        'SELECT id, is_archived, status FROM experiments',
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(older)).toMatchObject({ is_archived: false, status: 'Recording' });
      expect(byId.get(newer)).toMatchObject({ is_archived: true, status: 'Paused' });
      expect(byId.get(archived)?.is_archived).toBe(true);
      expect(byId.get(otherFlag)?.is_archived).toBe(false);
      await expect(insert(randomUUID(), flagId, false, '2026-12-04T00:00:00Z')).rejects.toMatchObject({
        code: '23505',
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('MongoDB: the start-up step archives the newer duplicate, fills activeSlot and builds the index', async () => {
    const database = `featbit_slot_${randomUUID().slice(0, 8)}`;
    const conn = await mongoose.createConnection(TEST_MONGO_URL, { dbName: database }).asPromise();
    const store = createMongoDataStore({ url: TEST_MONGO_URL, database });
    try {
      // Documents as the layout before `activeSlot` wrote them.
      const doc = (id: string, flag: string, isArchived: boolean, createdAt: string) => ({
        _id: id,
        envId: 'env',
        metricId,
        featureFlagId: flag,
        isArchived,
        status: 'Recording',
        baselineVariationId: 'v1',
        alpha: 0.05,
        method: 'fixed',
        guard: null,
        iterations: [],
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
      await conn
        .collection('Experiments')
        .insertMany([
          doc(newer, flagId, false, '2026-12-02T00:00:00Z'),
          doc(older, flagId, false, '2026-12-01T00:00:00Z'),
          doc(archived, flagId, true, '2026-11-01T00:00:00Z'),
          doc(otherFlag, randomUUID(), false, '2026-12-03T00:00:00Z'),
        ] as unknown as mongoose.mongo.OptionalId<mongoose.mongo.BSON.Document>[]);

      await store.whenReady();

      expect((await store.experiments.findById(older))?.isArchived).toBe(false);
      expect(await store.experiments.findById(newer)).toMatchObject({ isArchived: true, status: 'Paused' });
      expect((await store.experiments.findById(archived))?.isArchived).toBe(true);
      expect((await store.experiments.findById(otherFlag))?.isArchived).toBe(false);
      const slots = await conn.collection('Experiments').countDocuments({ activeSlot: { $exists: true } });
      expect(slots).toBe(4);
      const active = await store.experiments.findById(older);
      if (!active) throw new Error('the older experiment is gone');
      await expect(store.experiments.create({ ...active, id: randomUUID() })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
    } finally {
      await store.close();
      await conn.dropDatabase();
      await conn.close();
    }
  }, 120_000);
});
