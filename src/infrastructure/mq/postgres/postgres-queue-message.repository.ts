import { toDate } from '../../database/shared/timestamps';
import type { PostgresConnection } from '../../database/postgres/postgres-connection';
import { PgRootSession, type Row, type SqlSession } from '../../database/postgres/postgres-session';
import { iso, isoOrNull, num, str, strOrNull } from '../../database/postgres/postgres-values';

/** Row of FeatBit's `queue_messages` table (PostgreSQL message queue). */
export interface QueueMessage {
  id: number;
  topic: string;
  status: 'Pending' | 'Processing' | 'Notified' | 'Completed' | 'Failed';
  payload: string;
  enqueuedAt: string;
  notVisibleUntil: string | null;
  deliverCount: number;
  error: string | null;
}

/** The PostgreSQL queue table, used only by the PostgreSQL message-queue adapter. */
export abstract class QueueMessageRepository {
  abstract enqueue(
    topic: string,
    payloads: readonly string[],
    status: 'Pending' | 'Notified',
  ): Promise<number[]>;
  /**
   * Inserts one `Notified` row and announces its id on `channel` (pg_notify) in the same statement:
   * listeners hear of the row when it commits, one round trip after the call instead of two.
   */
  abstract enqueueNotified(topic: string, payload: string, channel: string): Promise<number>;
  abstract findByIds(ids: readonly number[]): Promise<QueueMessage[]>;
  /** Claim up to `limit` visible Pending rows with FOR UPDATE SKIP LOCKED; they stay invisible for `visibilityMs`. */
  abstract claim(topic: string, limit: number, visibilityMs: number): Promise<QueueMessage[]>;
  abstract complete(ids: readonly number[]): Promise<void>;
  abstract fail(id: number, error: string): Promise<void>;
  /**
   * Makes claimed rows claimable again after `delayMs` (a failed batch is retried soon rather than
   * after the visibility timeout). `countDelivery: false` takes back the delivery the claim counted.
   */
  abstract release(ids: readonly number[], delayMs: number, countDelivery: boolean): Promise<void>;
  /** Broadcast rows after `afterId` (replay after a reconnect). */
  abstract listNotifiedAfter(topics: readonly string[], afterId: number): Promise<QueueMessage[]>;
  abstract purgeNotifiedBefore(before: string): Promise<number>;
}

const QUEUE_COLUMNS = 'id, topic, status, payload, enqueued_at, not_visible_until, deliver_count, error';

function queueMessage(row: Row): QueueMessage {
  return {
    id: num(row.id),
    topic: str(row.topic),
    status: str(row.status) as QueueMessage['status'],
    payload: str(row.payload),
    enqueuedAt: iso(row.enqueued_at),
    notVisibleUntil: isoOrNull(row.not_visible_until),
    deliverCount: num(row.deliver_count),
    error: strOrNull(row.error),
  };
}

const byId = (a: QueueMessage, b: QueueMessage) => a.id - b.id;

/**
 * FeatBit's `queue_messages` table (docs/reference/wire-protocol.md#internal-topics), PostgreSQL and PGlite
 * only.
 */
class PostgresQueueMessageRepository extends QueueMessageRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  async enqueue(
    topic: string,
    payloads: readonly string[],
    status: 'Pending' | 'Notified',
  ): Promise<number[]> {
    if (!payloads.length) return [];
    const rows = await this.db.query(
      `INSERT INTO queue_messages (topic, status, payload)
       SELECT $1, $2, p.payload FROM unnest($3::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY p.n
       RETURNING id`,
      [topic, status, [...payloads]],
    );
    // bigserial values are handed out in insertion order, which is payload order.
    return rows.map((r) => num(r.id)).sort((a, b) => a - b);
  }

  async enqueueNotified(topic: string, payload: string, channel: string): Promise<number> {
    const rows = await this.db.query(
      `WITH inserted AS (
         INSERT INTO queue_messages (topic, status, payload) VALUES ($1, 'Notified', $2) RETURNING id)
       SELECT id, pg_notify($3, id::text) FROM inserted`,
      [topic, payload, channel],
    );
    return num(rows[0].id);
  }

  async findByIds(ids: readonly number[]): Promise<QueueMessage[]> {
    if (!ids.length) return [];
    const rows = await this.db.query(
      `SELECT ${QUEUE_COLUMNS} FROM queue_messages WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids.map((id) => String(id))],
    );
    return rows.map(queueMessage);
  }

  async claim(topic: string, limit: number, visibilityMs: number): Promise<QueueMessage[]> {
    // Rows being handled by a consumer that died become visible again once not_visible_until passes.
    const rows = await this.db.query(
      `UPDATE queue_messages SET status = 'Processing',
              not_visible_until = now() + $3::double precision * interval '1 millisecond',
              last_deliver_at = now(), deliver_count = deliver_count + 1
       WHERE id IN (
         SELECT id FROM queue_messages
         WHERE topic = $1 AND (status = 'Pending' OR (status = 'Processing' AND not_visible_until < now()))
         ORDER BY id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING ${QUEUE_COLUMNS}`,
      [topic, Math.max(1, Math.floor(limit)), Math.max(0, visibilityMs)],
    );
    return rows.map(queueMessage).sort(byId);
  }

  async complete(ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.query('DELETE FROM queue_messages WHERE id = ANY($1::bigint[])', [
      ids.map((id) => String(id)),
    ]);
  }

  async fail(id: number, error: string): Promise<void> {
    await this.db.query(
      `UPDATE queue_messages SET status = 'Failed', error = $2, last_handled_at = now(), not_visible_until = NULL
       WHERE id = $1`,
      [String(id), error],
    );
  }

  async release(ids: readonly number[], delayMs: number, countDelivery: boolean): Promise<void> {
    if (!ids.length) return;
    await this.db.query(
      `UPDATE queue_messages
       SET not_visible_until = now() + $2::double precision * interval '1 millisecond',
           deliver_count = CASE WHEN $3 THEN deliver_count ELSE greatest(deliver_count - 1, 0) END
       WHERE id = ANY($1::bigint[]) AND status = 'Processing'`,
      [ids.map((id) => String(id)), Math.max(0, delayMs), countDelivery],
    );
  }

  async listNotifiedAfter(topics: readonly string[], afterId: number): Promise<QueueMessage[]> {
    if (!topics.length) return [];
    const rows = await this.db.query(
      `SELECT ${QUEUE_COLUMNS} FROM queue_messages
       WHERE status = 'Notified' AND topic = ANY($1::text[]) AND id > $2::bigint ORDER BY id`,
      [[...topics], String(Math.trunc(afterId))],
    );
    return rows.map(queueMessage);
  }

  async purgeNotifiedBefore(before: string): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM queue_messages WHERE status = 'Notified' AND enqueued_at < $1::timestamptz RETURNING id`,
      [toDate(before, 'before').toISOString()],
    );
    return rows.length;
  }
}

/**
 * The queue table over a PostgreSQL or PGlite connection (the primary store's, or one of its own):
 * auto-commit statements, errors mapped like the store's.
 */
export function createPostgresQueueMessageRepository(connection: PostgresConnection): QueueMessageRepository {
  return new PostgresQueueMessageRepository(new PgRootSession(connection));
}
