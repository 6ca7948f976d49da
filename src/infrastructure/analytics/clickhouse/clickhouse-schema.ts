import type { ClickHouseClient } from '@clickhouse/client';
import type { Logger } from '../../../core/ports/logger.port';
import { experimentTablesDdl } from './clickhouse-experiment-sql';
import {
  eventsTableDdl,
  kafkaIngestDdl,
  missingDerivedColumnsSql,
  quoteIdentifier,
  quoteString,
  RAW_COLUMNS,
  type ServerFeatures,
  serverFeatures,
  ttlExpression,
  viewFillsDerivedColumns,
} from './clickhouse-sql';

/** Where insight events reach ClickHouse: the analytics role's batch inserts, or the topic itself. */
export type ClickHouseIngest =
  | { readonly mode: 'role' }
  | {
      readonly mode: 'kafka';
      readonly brokers: readonly string[];
      /** The insights topic (featbit-insights; tests add a prefix). */
      readonly topic: string;
      /** ClickHouse's own consumer group, beside the analytics role's. */
      readonly group: string;
    };

export interface SchemaOptions {
  database: string;
  ttlDays: number;
  ingest: ClickHouseIngest;
}

const LEGACY = 'events_legacy';
const MIGRATING = 'events_migrating';
const KAFKA = 'events_kafka';
const KAFKA_VIEW = 'events_kafka_mv';

/**
 * Creates (or brings up to date) the schema at start-up and returns what the server can do. Every
 * step is idempotent and restartable: an install from before the materialized columns has its
 * `events` table renamed aside, copied once into the new layout, and dropped.
 */
export async function ensureSchema(
  client: ClickHouseClient,
  options: SchemaOptions,
  logger: Logger,
): Promise<ServerFeatures> {
  const db = quoteIdentifier(options.database);
  const run = async (query: string): Promise<void> => {
    await client.command({ query });
  };
  const rows = async <T>(query: string): Promise<T[]> =>
    (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  const tables = async (): Promise<Map<string, string>> => {
    const list = await rows<{ name: string; create_table_query: string }>(
      `SELECT name, create_table_query FROM system.tables WHERE database = ${quoteString(options.database)}`,
    );
    return new Map(list.map((t) => [t.name, t.create_table_query]));
  };
  const columns = async (table: string): Promise<Set<string>> =>
    new Set(
      (
        await rows<{ name: string }>(
          `SELECT name FROM system.columns WHERE database = ${quoteString(options.database)} AND table = ${quoteString(table)}`,
        )
      ).map((c) => c.name),
    );

  const [version] = await rows<{ v: string }>('SELECT version() AS v');
  const features = serverFeatures(version?.v ?? '0');
  await run(`CREATE DATABASE IF NOT EXISTS ${db}`);

  let existing = await tables();
  if (existing.has('events') && !(await columns('events')).has('flag_key')) {
    logger.info('ClickHouse: moving the events table to the per-flag layout (one copy)');
    await run(`RENAME TABLE ${db}.events TO ${db}.${LEGACY}`);
    existing = await tables();
  }
  if (existing.has(LEGACY)) {
    if (!existing.has('events')) {
      // Start (or restart) the copy from scratch; the old ReplacingMergeTree's FINAL drops duplicates.
      await run(`DROP TABLE IF EXISTS ${db}.${MIGRATING}`);
      await run(eventsTableDdl(`${db}.${MIGRATING}`, options.ttlDays, features));
      await run(
        `INSERT INTO ${db}.${MIGRATING} (${RAW_COLUMNS}) SELECT ${RAW_COLUMNS} FROM ${db}.${LEGACY} FINAL`,
      );
      await run(`RENAME TABLE ${db}.${MIGRATING} TO ${db}.events`);
    }
    await run(`DROP TABLE ${db}.${LEGACY}`);
    logger.info('ClickHouse: events table migrated');
  }
  await run(eventsTableDdl(`${db}.events`, options.ttlDays, features));
  for (const alter of missingDerivedColumnsSql(`${db}.events`, await columns('events'))) await run(alter);
  await mutationsDone(client, options.database, logger);
  for (const ddl of experimentTablesDdl(db)) await run(ddl);
  if (features.ttl) {
    const current = (await tables()).get('events') ?? '';
    if (options.ttlDays > 0 && !current.includes(`toIntervalDay(${options.ttlDays})`)) {
      await run(`ALTER TABLE ${db}.events MODIFY TTL ${ttlExpression(options.ttlDays)}`);
    } else if (options.ttlDays === 0 && /\bTTL\b/.test(current)) {
      // Retention turned off again: keep everything from now on, as the setting says.
      await run(`ALTER TABLE ${db}.events REMOVE TTL`);
    }
  }

  // The Kafka path is recreated when its settings change and removed when the role inserts
  // instead (else both would insert every event). Dropping the view first stops consumption;
  // committed offsets live in the consumer group, so nothing is read twice by a restart.
  const present = await tables();
  const kafka = present.get(KAFKA);
  const view = present.get(KAFKA_VIEW);
  if (view !== undefined && !viewFillsDerivedColumns(view)) {
    // A view from before a derived column: recreated below, from the consumer group's offsets.
    await run(`DROP TABLE IF EXISTS ${db}.${KAFKA_VIEW}`);
  }
  const wantedKafka =
    options.ingest.mode === 'kafka'
      ? kafkaIngestDdl(`${db}.${KAFKA}`, `${db}.${KAFKA_VIEW}`, `${db}.events`, options.ingest)
      : null;
  const signature = options.ingest.mode === 'kafka' ? kafkaSignature(options.ingest) : '';
  if (kafka !== undefined && (!wantedKafka || !kafka.includes(signature))) {
    await run(`DROP TABLE IF EXISTS ${db}.${KAFKA_VIEW}`);
    await run(`DROP TABLE IF EXISTS ${db}.${KAFKA}`);
  }
  if (wantedKafka) for (const query of wantedKafka) await run(query);
  return features;
}

/**
 * Waits for the events table's unfinished mutations (the insert-time column's backfill): a snapshot
 * built before it ends would leave out rows that then read as inserted before its watermark.
 */
async function mutationsDone(client: ClickHouseClient, database: string, logger: Logger): Promise<void> {
  for (let waited = 0; ; waited++) {
    const result = await client.query({
      query: `SELECT count() AS n FROM system.mutations
        WHERE database = ${quoteString(database)} AND table = 'events' AND is_done = 0`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ n: number | string }>();
    if (Number(row?.n ?? 0) === 0) return;
    if (waited === 0) logger.info("ClickHouse: waiting for the events table's mutations to finish");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function kafkaSignature(ingest: Extract<ClickHouseIngest, { mode: 'kafka' }>): string {
  return [ingest.brokers.join(','), ingest.topic, ingest.group].map(quoteString).join(', ');
}
