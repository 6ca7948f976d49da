import { METRIC_VALUE_PATTERN } from '../../../core/analytics/metric-value';

// ClickHouse servers as old as Debian's 18.16 have no server-side query parameters, so values are
// written into the SQL text: strings quoted and escaped, numbers checked to be plain integers. Every
// statement here runs on 18.16 and on current engines (no JSON* functions, no GROUPING SETS).

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

/** What the server can do, from `SELECT version()`. */
export interface ServerFeatures {
  /** Table TTL (ClickHouse 19.6+). */
  ttl: boolean;
}

export function serverFeatures(version: string): ServerFeatures {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return { ttl: major > 19 || (major === 19 && minor >= 6) };
}

/** FeatBit's columns, as the insights topic carries them (src/core/messages/insight.message.ts). */
export const RAW_COLUMNS = 'uuid, distinct_id, env_id, event, properties, timestamp';

// tag_N when it is a JSON string, else NULL: the meaning of src/core/analytics/insight-fields.ts.
// visitParam* (18.16 has no JSONExtract*) reads flat objects as our intake writes them with
// JSON.stringify; a tag_N nested inside another property would be read too (residual, never written).
function tag(n: number): string {
  const name = quoteString(`tag_${n}`);
  return (
    `if(match(properties, '^\\\\s*\\\\{') AND substring(visitParamExtractRaw(properties, ${name}), 1, 1) = '"', ` +
    `visitParamExtractString(properties, ${name}), NULL)`
  );
}

const IS_FLAG = `event = 'FlagValue'`;

// tag_1's text when it is a JSON string, else '' (the metric value's source on metric events).
const TAG_1_TEXT = `if(substring(visitParamExtractRaw(properties, 'tag_1'), 1, 1) = '"', visitParamExtractString(properties, 'tag_1'), '')`;

/** The fields of insight-fields.ts, computed from the raw columns. */
const DERIVED: readonly { name: string; type: string; expr: string }[] = [
  { name: 'ts', type: 'DateTime', expr: 'toDateTime(intDiv(timestamp, 1000000))' },
  {
    name: 'flag_key',
    type: 'String',
    expr:
      `if(${IS_FLAG} AND length(distinct_id) > length(env_id) + 1 ` +
      `AND substring(distinct_id, 1, length(env_id) + 1) = concat(env_id, '-'), ` +
      `substring(distinct_id, length(env_id) + 2), '')`,
  },
  { name: 'variation_id', type: 'Nullable(String)', expr: `if(${IS_FLAG}, ${tag(1)}, NULL)` },
  { name: 'user_key', type: 'Nullable(String)', expr: tag(0) },
  { name: 'user_name', type: 'Nullable(String)', expr: `if(${IS_FLAG}, ${tag(3)}, ${tag(2)})` },
  // Experiment reads (clickhouse-query-sql.ts) would otherwise parse every row's properties: whether
  // an evaluation was sent to the experiment (tag_2 is the string "true"), and a metric event's
  // value by the rule of src/core/analytics/metric-value.ts (0 on evaluations).
  {
    name: 'experiment',
    type: 'UInt8',
    expr:
      `toUInt8(${IS_FLAG} AND match(properties, '^\\\\s*\\\\{') ` +
      `AND visitParamExtractRaw(properties, 'tag_2') = '"true"')`,
  },
  {
    name: 'metric_value',
    type: 'Float64',
    expr:
      `if(NOT ${IS_FLAG} AND match(${TAG_1_TEXT}, ${quoteString(METRIC_VALUE_PATTERN)}), ` +
      `toFloat64OrZero(${TAG_1_TEXT}), toFloat64(0))`,
  },
  // When the row was inserted (the server's clock, on both ingest paths): experiment snapshots take
  // the rows inserted before their watermark and recount the users of those after it
  // (clickhouse-experiment-windows.ts). Rows from before this column are set to 0 at upgrade.
  { name: 'inserted', type: 'DateTime', expr: 'now()' },
];

/** The derived column whose values an upgrade sets (to 0: "before any snapshot") rather than computes. */
export const INSERTED_COLUMN = 'inserted';

/**
 * `ALTER TABLE … ADD COLUMN` for each derived column an existing events table lacks (an install from
 * before it). Parts written earlier compute the column from its DEFAULT when read, until merged.
 */
export function missingDerivedColumnsSql(table: string, existing: ReadonlySet<string>): string[] {
  return DERIVED.filter((d) => !existing.has(d.name)).flatMap((d) => [
    `ALTER TABLE ${table} ADD COLUMN ${d.name} ${d.type} DEFAULT ${d.expr}`,
    // Older rows would read now() as their insert time at every read; a mutation writes 0 into
    // them (the caller waits for it before any snapshot is built).
    ...(d.name === INSERTED_COLUMN ? [`ALTER TABLE ${table} UPDATE ${d.name} = toDateTime(0) WHERE 1`] : []),
  ]);
}

/** Whether a Kafka view's DDL fills every derived column (else it is recreated). */
export function viewFillsDerivedColumns(viewDdl: string): boolean {
  return DERIVED.every((d) => viewDdl.includes(` AS ${d.name}`));
}

/**
 * The events table: FeatBit's columns plus the fields of insight-fields.ts, filled at insert (DEFAULT:
 * computed for the role's inserts of the raw columns; the Kafka view computes them with the same
 * expressions, since 18.16's views do not fill MATERIALIZED columns). Partitioned by month; ORDER BY
 * (env_id, flag_key, ts, uuid) so one flag's range is one contiguous read. `flag_key` is '' for
 * every event that is not a flag evaluation (a key column cannot be NULL).
 * Re-deliveries: writeEvents skips uuids already stored; ReplacingMergeTree folds what a race or
 * the Kafka path lets through (same key: same event) at the next merge.
 */
export function eventsTableDdl(table: string, ttlDays: number, features: ServerFeatures): string {
  const ttl = features.ttl && ttlDays > 0 ? `\n    TTL ${ttlExpression(ttlDays)}` : '';
  const derived = DERIVED.map((d) => `,\n      ${d.name} ${d.type} DEFAULT ${d.expr}`).join('');
  return `CREATE TABLE IF NOT EXISTS ${table} (
      uuid String,
      distinct_id String,
      env_id String,
      event String,
      properties String,
      timestamp UInt64${derived}
    ) ENGINE = ReplacingMergeTree()
    PARTITION BY toYYYYMM(ts)
    ORDER BY (env_id, flag_key, ts, uuid)${ttl}`;
}

export function ttlExpression(days: number): string {
  return `ts + toIntervalDay(${integer(days)})`;
}

/**
 * Kafka → ClickHouse (ANALYTICS_CLICKHOUSE_INGEST=kafka): a Kafka-engine table reading the insights
 * topic as our Kafka bus writes it (one JSON object per message, FeatBit's six fields), and a
 * materialized view moving each consumed block into the events table. The positional engine
 * arguments are the form 18.16 knows; current engines still accept it.
 */
export function kafkaIngestDdl(
  kafkaTable: string,
  viewTable: string,
  eventsTable: string,
  kafka: { brokers: readonly string[]; topic: string; group: string },
): string[] {
  const brokers = quoteString(kafka.brokers.join(','));
  return [
    `CREATE TABLE IF NOT EXISTS ${kafkaTable} (
      uuid String, distinct_id String, env_id String, event String, properties String, timestamp UInt64
    ) ENGINE = Kafka(${brokers}, ${quoteString(kafka.topic)}, ${quoteString(kafka.group)}, 'JSONEachRow')`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${viewTable} TO ${eventsTable}
      AS SELECT ${RAW_COLUMNS}, ${DERIVED.map((d) => `${d.expr} AS ${d.name}`).join(', ')} FROM ${kafkaTable}`,
  ];
}
