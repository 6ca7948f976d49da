import { Client } from 'pg';
import type { RunningProduct } from '../../support/product';

// Tracked events sent the way SDKs send them (POST /api/public/insight/track), spread round-robin
// over the evaluation processes. The evaluation role gives every event a fresh uuid, so each event
// carries its own number in its name (distinct_id = `<prefix>-<n>`): counting rows per name tells a
// duplicate (two uuids for one event) and a loss apart, counting uuids tells a double write.

export interface SentBatch {
  phase: string;
  first: number;
  count: number;
  /** Requests made until one was accepted (more than 1 = retried after a refusal or error). */
  attempts: number;
  errors: string[];
  target: number;
}

export interface EventCount {
  rows: number;
  uuids: number;
  /** Event numbers with exactly one row. */
  once: Set<number>;
  /** Event number → rows, for numbers written more than once. */
  duplicates: Map<number, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class InsightLoad {
  readonly batches: SentBatch[] = [];
  private next = 0;
  private turn = 0;

  constructor(
    private readonly targets: RunningProduct[],
    private readonly secret: string,
    readonly prefix: string,
    private readonly batchSize = 100,
  ) {}

  /** Events numbered so far. */
  get sent(): number {
    return this.next;
  }

  /**
   * Sends `count` events in batches, `concurrency` requests at a time. A refused or failed request
   * is retried (as SDKs do) until accepted; a 400 fails at once since it means a broken body.
   */
  async send(phase: string, count: number, concurrency = 4, giveUpAfterMs = 120_000): Promise<void> {
    const batches: SentBatch[] = [];
    for (let left = count; left > 0;) {
      const size = Math.min(this.batchSize, left);
      const batch = {
        phase,
        first: this.next,
        count: size,
        attempts: 0,
        errors: [],
        target: this.turn++ % this.targets.length,
      };
      this.next += size;
      left -= size;
      batches.push(batch);
      this.batches.push(batch);
    }
    let cursor = 0;
    const worker = async () => {
      while (cursor < batches.length) await this.deliver(batches[cursor++], Date.now() + giveUpAfterMs);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  private body(batch: SentBatch): unknown[] {
    const now = Date.now();
    return Array.from({ length: batch.count }, (_, i) => {
      const n = batch.first + i;
      return {
        user: {
          keyId: `${this.prefix}-${batch.phase}-user-${n % 20}`,
          name: `user ${n % 20} of ${batch.phase}`,
          customizedProperties: [{ name: 'phase', value: batch.phase }],
        },
        variations: [],
        metrics: [
          {
            route: '/split-roles',
            type: 'CustomEvent',
            eventName: `${this.prefix}-${n}`,
            numericValue: n,
            timestamp: now,
          },
        ],
      };
    });
  }

  private async deliver(batch: SentBatch, deadline: number): Promise<void> {
    const body = JSON.stringify(this.body(batch));
    for (;;) {
      batch.attempts++;
      const target = this.targets[(batch.target + batch.attempts - 1) % this.targets.length];
      try {
        const res = await fetch(`${target.baseUrl}/api/public/insight/track`, {
          method: 'POST',
          headers: { authorization: this.secret, 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        if (res.status === 200) return;
        if (res.status === 400) throw new Error(`insight batch refused as invalid: ${text}`);
        batch.errors.push(`${res.status} ${text.slice(0, 120)}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('insight batch refused')) throw err;
        batch.errors.push(err instanceof Error ? err.message : String(err));
      }
      if (Date.now() > deadline) {
        throw new Error(`insight batch ${batch.first} not accepted: ${batch.errors.slice(-3).join(' | ')}`);
      }
      await sleep(250);
    }
  }

  /** Event numbers of the batches of `phase`. */
  numbersOf(phase: string): number[] {
    return this.batches
      .filter((b) => b.phase === phase)
      .flatMap((b) => Array.from({ length: b.count }, (_, i) => b.first + i));
  }

  /** End-user keys the batches of `phase` carried. */
  usersOf(phase: string): string[] {
    const keys = new Set(this.numbersOf(phase).map((n) => `${this.prefix}-${phase}-user-${n % 20}`));
    return [...keys];
  }

  /** Batches that needed more than one request. */
  get retried(): SentBatch[] {
    return this.batches.filter((b) => b.attempts > 1);
  }

  /** What the events table holds for this load. */
  async count(databaseUrl: string): Promise<EventCount> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const totals = await client.query<{ rows: string; uuids: string }>(
        `select count(*) as rows, count(distinct uuid) as uuids from events where distinct_id like $1`,
        [`${this.prefix}-%`],
      );
      const perEvent = await client.query<{ distinct_id: string; n: string }>(
        `select distinct_id, count(*) as n from events where distinct_id like $1 group by distinct_id`,
        [`${this.prefix}-%`],
      );
      const once = new Set<number>();
      const duplicates = new Map<number, number>();
      for (const row of perEvent.rows) {
        const n = Number(row.distinct_id.slice(this.prefix.length + 1));
        if (Number(row.n) === 1) once.add(n);
        else duplicates.set(n, Number(row.n));
      }
      return { rows: Number(totals.rows[0].rows), uuids: Number(totals.rows[0].uuids), once, duplicates };
    } finally {
      await client.end();
    }
  }

  /**
   * Polls the events table until it holds `expected` rows (or more) and has stopped growing, or
   * until the timeout; returns the last count.
   */
  async settle(databaseUrl: string, expected: number, timeoutMs = 90_000): Promise<EventCount> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.count(databaseUrl);
    let stableSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(500);
      const now = await this.count(databaseUrl);
      if (now.rows !== last.rows) stableSince = Date.now();
      last = now;
      // Reached: wait a little longer so that late duplicates would still show up.
      if (now.rows >= expected && Date.now() - stableSince >= 2_000) return now;
    }
    return last;
  }
}

/** End-user keys (of `keys`) present in the end_users table. */
export async function endUsersPresent(databaseUrl: string, keys: readonly string[]): Promise<Set<string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const res = await client.query<{ key_id: string }>(
      'select key_id from end_users where key_id = any($1)',
      [keys],
    );
    return new Set(res.rows.map((r) => r.key_id));
  } finally {
    await client.end();
  }
}
