// ClickHouse servers as old as Debian's 18.16 have no server-side query parameters, so values are
// written into the SQL text: strings quoted and escaped, numbers checked to be plain integers.

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a valid ClickHouse identifier: ${name}`);
  return name;
}

export function integer(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a non-negative integer: ${value}`);
  return String(value);
}

/**
 * FeatBit's `events` shape. The timestamp stays in µs (UInt64, as sent by the evaluation server);
 * `ts` is derived for partitioning and time-bucket queries. ReplacingMergeTree on (env_id, ts, uuid)
 * folds re-delivered events, and queries count uniqExact(uuid), so at-least-once delivery never
 * inflates a number.
 */
export function eventsTableDdl(database: string): string[] {
  const db = quoteIdentifier(database);
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    `CREATE TABLE IF NOT EXISTS ${db}.events (
      uuid String,
      distinct_id String,
      env_id String,
      event String,
      properties String,
      timestamp UInt64,
      ts DateTime MATERIALIZED toDateTime(intDiv(timestamp, 1000000))
    ) ENGINE = ReplacingMergeTree()
    PARTITION BY toYYYYMM(ts)
    ORDER BY (env_id, ts, uuid)`,
  ];
}
