import { createHash, randomBytes } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ExperimentSamplesQuery } from '../../../core/ports/analytics-query.port';
import type { Logger } from '../../../core/ports/logger.port';
import {
  buildSnapshotSql,
  type ExperimentRow,
  experimentSamplesSql,
  type DeltaRow,
  deltaSizeSql,
  type HardRow,
  hardSizeSql,
  type HardUsers,
  hardUsersListSql,
  type Snapshot,
  snapshotSamplesSql,
  WINDOW_USERS_TABLE,
  WINDOWS_TABLE,
} from './clickhouse-experiment-sql';
import { integer, quoteString } from './clickhouse-sql';

export interface ExperimentWindowsOptions {
  database: string;
  /** ANALYTICS_RETENTION_DAYS (0: keep everything). */
  retentionDays: number;
  /**
   * How far before a build's start its watermark lies (default 10 s): an insert that began before
   * the watermark has finished, and is visible, by the build. Tests set 0.
   */
  watermarkMarginS?: number;
  /** Users to recount beyond the share below that make a rebuild due (default 1,000). Tests set 0. */
  rebuildMinUsers?: number;
  /** Users to recount from raw events beyond the share below that make a read raw (default 1,000). */
  rawMinUsers?: number;
  /** Users to recount written into the SQL as a list, at most (default 5,000); beyond, a subquery. */
  listedUsers?: number;
  /**
   * Seconds a superseded snapshot is kept, how often cleanup runs, and the days unread after which a
   * window loses its snapshots (defaults 600 s, 10 min, 7 days). Tests shorten them.
   */
  cleanup?: { graceS: number; everyMs: number; unreadDays?: number };
}

interface Window extends Snapshot {
  key: string;
  builtS: number;
  users: number;
  readToday: boolean;
  fetchedAtMs: number;
}

/** A rebuild is due when the users to recount since the watermark exceed this share of the snapshot… */
const REBUILD_SHARE = 0.05;
const REBUILD_MIN_USERS = 1_000;
/** …or when the snapshot is this old and any user is to recount. */
const REBUILD_AGE_S = 15 * 60;
/** Up to this many users to recount are written into the read's SQL (a set built once, not per side). */
const LISTED_USERS = 5_000;
/** Users to recount from raw events beyond which the whole window is read raw instead. */
const RAW_SHARE = 0.25;
/** Users with new events beyond which the whole window is read raw (folding them costs as much). */
const RAW_DELTA_SHARE = 0.5;
const RAW_MIN_USERS = 1_000;
/** A window that ended this long ago is closed: its end is part of its key, its snapshot ends there. */
const CLOSED_AFTER_MS = 3_600_000;
/** The registry is re-read after this long (well under GRACE_S, so a cached generation still exists). */
const CACHE_MS = 60_000;
/** A superseded snapshot (or a build's orphan) is dropped this long after: reads may still use it. */
const GRACE_S = 600;
/** A window nobody read for this many days loses its snapshots (rebuilt if read again). */
const UNREAD_DAYS = 7;
const CLEANUP_EVERY_MS = 600_000;

/**
 * Experiment windows on ClickHouse: a window (environment, flag, metric, start; and its end once
 * closed) is answered from a snapshot of one row per exposed user, built by its first read from the
 * rows inserted before a watermark, plus a recount, from raw events, of the users with events
 * inserted since (and of those whose counted events reach the read's end). A grouping of every event
 * becomes a scan of the new ones. Works the same whether the analytics role or the Kafka engine
 * inserts, since the insert time is a column the server fills (docs/experiments.md, "Snapshots on
 * ClickHouse").
 */
export class ClickHouseExperimentWindows {
  private readonly events: string;
  private readonly users: string;
  private readonly registry: string;
  private readonly cache = new Map<string, Window>();
  private readonly builds = new Map<string, Promise<Window>>();
  private lastCleanupMs = 0;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly options: ExperimentWindowsOptions,
    private readonly logger: Logger,
  ) {
    this.events = `${options.database}.events`;
    this.users = `${options.database}.${WINDOW_USERS_TABLE}`;
    this.registry = `${options.database}.${WINDOWS_TABLE}`;
  }

  async samples(q: ExperimentSamplesQuery): Promise<ExperimentRow[]> {
    const nowMs = Date.now();
    const retention = this.options.retentionDays;
    // Rows past retention are deleted under a snapshot that still counts them: read raw there.
    if (retention > 0 && q.fromUs < (nowMs - (retention + 1) * 86_400_000) * 1000) {
      return this.rows<ExperimentRow>(experimentSamplesSql(this.events, q));
    }
    const closed = q.toUs < (nowMs - CLOSED_AFTER_MS) * 1000;
    const key = windowKey(q, closed);
    let window = (await this.current(key)) ?? (await this.build(key, q, closed));
    let changed = await this.changed(q, window);
    const nowS = Math.floor(nowMs / 1000);
    const due =
      changed.delta > (this.options.rebuildMinUsers ?? REBUILD_MIN_USERS) + window.users * REBUILD_SHARE ||
      (changed.delta > 0 && nowS - window.builtS > REBUILD_AGE_S);
    // Only when the new watermark passes the last build: else the same users would stay to recount.
    if (due && nowS - this.marginS() > window.builtS) {
      window = await this.build(key, q, closed);
      changed = await this.changed(q, window);
    }
    const hard = await this.hardUsers(q, window, changed);
    const rows =
      hard === 'raw'
        ? await this.rows<ExperimentRow>(experimentSamplesSql(this.events, q))
        : await this.rows<ExperimentRow>(
            snapshotSamplesSql(this.events, this.users, q, window, { delta: changed.delta > 0, hard }),
          );
    if (!window.readToday) await this.touch(window);
    return rows;
  }

  private marginS(): number {
    return this.options.watermarkMarginS ?? 10;
  }

  /**
   * The users to recount from raw events (hard): listed when few, else counted, with the earliest
   * time their recount reads from; or 'raw' when there are so many of them, or of users with new
   * events, that one raw scan of the window costs less (a burst since the last build, an early end).
   */
  private async hardUsers(
    q: ExperimentSamplesQuery,
    w: Window,
    changed: { delta: number; late: number },
  ): Promise<HardUsers | 'raw'> {
    const rawMin = this.options.rawMinUsers ?? RAW_MIN_USERS;
    if (changed.delta > rawMin + w.users * RAW_DELTA_SHARE) return 'raw';
    if (changed.delta === 0 && changed.late === 0) return null;
    const most = this.options.listedUsers ?? LISTED_USERS;
    const listed = await this.rows<HardRow>(hardUsersListSql(this.events, this.users, q, w, most + 1));
    let hard: HardUsers = null;
    let count = listed.length;
    if (listed.length > most) {
      const [many] = await this.rows<{ hard: number | string; since: number | string }>(
        hardSizeSql(this.events, this.users, q, w),
      );
      count = Number(many?.hard ?? 0);
      hard = { list: null, sinceUs: Number(many?.since ?? 0) };
    } else if (listed.length > 0) {
      hard = { list: listed.map((r) => r.u), sinceUs: Math.min(...listed.map((r) => Number(r.since))) };
    }
    return count > rawMin + w.users * RAW_SHARE ? 'raw' : hard;
  }

  /** Users with events inserted since the watermark; snapshot users with counted events at or after the end. */
  private async changed(q: ExperimentSamplesQuery, w: Window): Promise<{ delta: number; late: number }> {
    const [row] = await this.rows<DeltaRow>(deltaSizeSql(this.events, this.users, q, w));
    return { delta: Number(row?.delta ?? 0), late: Number(row?.late ?? 0) };
  }

  /** The window's newest snapshot, or null (never built, or purged). */
  private async current(key: string): Promise<Window | null> {
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.fetchedAtMs < CACHE_MS) return cached;
    const [row] = await this.rows<{
      generation: string;
      watermark: number | string;
      built: number | string;
      users: number | string;
      read_today: number | string;
    }>(
      `SELECT generation, toUInt32(watermark) AS watermark, toUInt32(built) AS built, users,
         read_day = today() AS read_today
       FROM ${this.registry} WHERE window = ${quoteString(key)}
       ORDER BY built DESC, read_day DESC, generation DESC LIMIT 1`,
    );
    if (!row || row.generation === '') return null;
    const window: Window = {
      key,
      generation: row.generation,
      watermarkS: Number(row.watermark),
      builtS: Number(row.built),
      users: Number(row.users),
      readToday: Number(row.read_today) === 1,
      fetchedAtMs: Date.now(),
    };
    this.cache.set(key, window);
    return window;
  }

  /** One build per window at a time in this process; concurrent reads wait for it. */
  private build(key: string, q: ExperimentSamplesQuery, closed: boolean): Promise<Window> {
    const running = this.builds.get(key);
    if (running) return running;
    const build = this.runBuild(key, q, closed).finally(() => this.builds.delete(key));
    this.builds.set(key, build);
    return build;
  }

  private async runBuild(key: string, q: ExperimentSamplesQuery, closed: boolean): Promise<Window> {
    const [clock] = await this.rows<{ now: number | string }>('SELECT toUInt32(now()) AS now');
    const builtS = Number(clock?.now);
    const watermarkS = builtS - this.marginS();
    // The start time in the name lets cleanup tell a build's orphan from one still running.
    const generation = `${key.slice(0, 16)}_${builtS}_${randomBytes(4).toString('hex')}`;
    const span = { fromUs: q.fromUs, toUs: closed ? q.toUs : null };
    await this.command(buildSnapshotSql(this.events, this.users, q, span, generation, watermarkS));
    const [counted] = await this.rows<{ n: number | string }>(
      `SELECT count() AS n FROM ${this.users} WHERE generation = ${quoteString(generation)}`,
    );
    const users = Number(counted?.n ?? 0);
    await this.register(key, generation, watermarkS, builtS, users);
    const window: Window = {
      key,
      generation,
      watermarkS,
      builtS,
      users,
      readToday: true,
      fetchedAtMs: Date.now(),
    };
    this.cache.set(key, window);
    if (Date.now() - this.lastCleanupMs >= (this.options.cleanup?.everyMs ?? CLEANUP_EVERY_MS)) {
      this.lastCleanupMs = Date.now();
      await this.cleanup(builtS).catch((err: unknown) =>
        this.logger.warn('ClickHouse: experiment snapshot cleanup failed', { error: String(err) }),
      );
    }
    return window;
  }

  private async register(
    key: string,
    generation: string,
    watermarkS: number,
    builtS: number,
    users: number,
  ): Promise<void> {
    await this.command(
      `INSERT INTO ${this.registry} (window, generation, watermark, built, users, read_day)
       SELECT ${quoteString(key)}, ${quoteString(generation)}, toDateTime(${integer(watermarkS)}),
         toDateTime(${integer(builtS)}), ${integer(users)}, today()`,
    );
  }

  private async touch(w: Window): Promise<void> {
    await this.register(w.key, w.generation, w.watermarkS, w.builtS, w.users);
    w.readToday = true;
  }

  /**
   * Drops the snapshots no read needs: superseded ones GRACE_S after their successor, those of
   * windows unread for UNREAD_DAYS (the window gets a tombstone, so its next read rebuilds), and
   * builds that never registered (orphans of a failed build) once GRACE_S old.
   */
  private async cleanup(nowS: number): Promise<void> {
    const graceS = this.options.cleanup?.graceS ?? GRACE_S;
    const registry = await this.rows<{
      window: string;
      generation: string;
      built: number | string;
      unread: number | string;
    }>(
      `SELECT window, generation, toUInt32(max(built)) AS built, toInt32(today() - max(read_day)) AS unread
       FROM ${this.registry} GROUP BY window, generation`,
    );
    const byWindow = new Map<string, { generation: string; built: number; unread: number }[]>();
    for (const r of registry) {
      const list = byWindow.get(r.window) ?? [];
      list.push({ generation: r.generation, built: Number(r.built), unread: Number(r.unread) });
      byWindow.set(r.window, list);
    }
    const keep = new Set<string>();
    const known = new Set<string>();
    for (const [window, list] of byWindow) {
      list.sort((a, b) => b.built - a.built || b.generation.localeCompare(a.generation));
      for (const g of list) known.add(g.generation);
      if (list[0]?.generation === '') continue;
      const unread =
        Math.min(...list.map((g) => g.unread)) > (this.options.cleanup?.unreadDays ?? UNREAD_DAYS);
      // Never the window just built (a build in this second) however old its reads.
      if (unread && (list[0]?.built ?? 0) < nowS) {
        await this.register(window, '', 0, nowS, 0);
        this.cache.delete(window);
        continue;
      }
      list.forEach((g, i) => {
        if (i === 0 || (list[i - 1]?.built ?? 0) > nowS - graceS) keep.add(g.generation);
      });
    }
    const parts = await this.rows<{ partition: string }>(
      `SELECT DISTINCT partition FROM system.parts
       WHERE database = ${quoteString(this.options.database)} AND table = ${quoteString(WINDOW_USERS_TABLE)} AND active`,
    );
    for (const { partition } of parts) {
      const generation = partition.replace(/^'(.*)'$/, '$1');
      if (keep.has(generation)) continue;
      const startedS = Number(generation.split('_')[1]);
      if (!known.has(generation) && !(startedS < nowS - graceS)) continue; // a build still running
      await this.command(`ALTER TABLE ${this.users} DROP PARTITION ${quoteString(generation)}`);
    }
  }

  private async rows<T>(query: string): Promise<T[]> {
    return (await this.client.query({ query, format: 'JSONEachRow' })).json<T>();
  }

  private async command(query: string): Promise<void> {
    await this.client.command({ query });
  }
}

/** A window's identity: its query, with its end only once closed (an open window's end moves). */
function windowKey(q: ExperimentSamplesQuery, closed: boolean): string {
  const parts = [q.envId, q.flagKey, q.metricEvent, q.metricEventName, q.fromUs, closed ? q.toUs : 'open'];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
