import { randomUUID } from 'node:crypto';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  ExperimentVariationSample,
} from '../../../../core/ports/analytics-query.port';
import type { SqlSession } from '../postgres-session';
import { num, str } from '../postgres-values';
import { WINDOWS, WINDOW_BUILD_SQL, WINDOW_LATE_SQL, WINDOW_READ_SQL } from './experiment-window-sql';

const HOUR_US = 3_600_000_000;
/** A window nobody read for this long is dropped at the next build (and built again if read). */
const UNREAD_US = 7 * 24 * HOUR_US;

// One round trip when the window exists; its read time is written at most hourly.
const FIND_SQL = `
  WITH w AS (
    SELECT id, read_us FROM ${WINDOWS}
    WHERE env_id = $1 AND flag_key = $2 AND metric_event = $3 AND metric_event_name = $4 AND from_us = $5::bigint),
  touched AS (
    UPDATE ${WINDOWS} t SET read_us = $6::bigint FROM w WHERE t.id = w.id AND w.read_us < $6::bigint - ${HOUR_US}
    RETURNING 1)
  SELECT id FROM w`;

const us = (value: number): string => String(Math.trunc(value));

/**
 * Experiment samples from the windows kept as events arrive (experiment-window-sql.ts): a read sums
 * one row per user of the window instead of joining every exposure and metric event in it.
 */
export class PgExperimentWindows {
  constructor(
    private readonly db: SqlSession,
    /** The environment's writer lock (PostgresInsightEventRepository), held while a window is built. */
    private readonly lockSql: string,
  ) {}

  async samples(query: ExperimentSamplesQuery): Promise<ExperimentSamples> {
    if (query.fromUs >= query.toUs) return { variations: [] };
    const windowId = await this.window(query);
    const to = us(query.toUs);
    const rows = await this.db.query(WINDOW_READ_SQL, [windowId, to]);
    const variations = new Map<string, ExperimentVariationSample>(
      rows.map((r) => [
        str(r.variation_id),
        {
          variationId: str(r.variation_id),
          users: num(r.users),
          converted: num(r.converted),
          sum: num(r.sum),
          sumSquares: num(r.sum_squares),
        },
      ]),
    );
    if (rows.some((r) => num(r.late) > 0)) {
      const late = [windowId, to, query.envId, query.metricEvent, query.metricEventName];
      for (const r of await this.db.query(WINDOW_LATE_SQL, late)) {
        const sample = variations.get(str(r.variation_id));
        if (!sample) continue;
        sample.converted += num(r.converted);
        sample.sum += num(r.sum);
        sample.sumSquares += num(r.sum_squares);
      }
    }
    return { variations: [...variations.values()] };
  }

  private async window(query: ExperimentSamplesQuery): Promise<string> {
    const nowUs = Date.now() * 1000;
    const key = [query.envId, query.flagKey, query.metricEvent, query.metricEventName, us(query.fromUs)];
    const [found] = await this.db.query(FIND_SQL, [...key, us(nowUs)]);
    if (found) return str(found.id);
    return this.db.transaction(async (tx) => {
      await tx.query(this.lockSql, [[query.envId]]);
      const [built] = await tx.query(FIND_SQL, [...key, us(nowUs)]);
      if (built) return str(built.id);
      await tx.query(`DELETE FROM ${WINDOWS} WHERE read_us < $1::bigint`, [us(nowUs - UNREAD_US)]);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO ${WINDOWS} (id, env_id, flag_key, metric_event, metric_event_name, from_us, read_us)
         VALUES ($1, $2, $3, $4, $5, $6::bigint, $7::bigint)`,
        [id, ...key, us(nowUs)],
      );
      // Both joins are on the user with an inequality: without fresh statistics (a just-loaded
      // experiment) the planner may pick a nested loop, quadratic in users, or a merge join that
      // sorts every metric event by user; the build is written for hash joins in memory. JIT cost
      // ~0.5 s and saved nothing (docs/performance.md, "Experiments"). set_config(…, true) is SET LOCAL.
      await tx.query(
        `SELECT set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true),
                set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`,
      );
      await tx.query(WINDOW_BUILD_SQL, [id, ...key]);
      return id;
    });
  }
}
