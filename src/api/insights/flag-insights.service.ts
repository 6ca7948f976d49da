import { Injectable } from '@nestjs/common';
import {
  insightSeries,
  insightSummary,
  type InsightBucketView,
  type InsightsSummaryView,
  type VariationRef,
} from '../../core/analytics/flag-insights';
import {
  bucketBoundaries,
  type InsightInterval,
  isKnownTimeZone,
  MAX_RANGE_MS,
} from '../../core/analytics/insight-interval';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { AnalyticsQuery } from '../../core/ports/analytics-query.port';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import { ValidationFailedError } from '../http/api-errors';

export interface InsightsRequest {
  flagKey: string;
  interval: InsightInterval;
  fromMs: number;
  toMs: number;
  /** IANA zone; UTC when absent. */
  timezone?: string;
}

export interface FlagUsersRequest {
  flagKey: string;
  fromMs: number;
  toMs: number;
  variationId?: string;
  query?: string;
  pageIndex: number;
  pageSize: number;
}

export interface FlagUserView {
  /** The variation's name (FeatBit answers the name), or its id when the flag no longer has it. */
  variation: string;
  variationId: string;
  keyId: string;
  name: string | null;
  /** ISO-8601, UTC. */
  lastEvaluatedAt: string;
}

/** Who-saw-what covers at most this range (FeatBit's console asks for up to 12 months). */
const MAX_USERS_RANGE_MS = 3 * 366 * 24 * 3600_000;

/**
 * Flag insights and who-saw-what: validates the request (a bad one is a 400 naming the field, never
 * a scan that runs away), computes the buckets in the requested zone, reads the analytics store and
 * answers with variation names in the flag's order.
 */
@Injectable()
export class FlagInsightsService {
  constructor(
    private readonly analytics: AnalyticsQuery,
    private readonly flags: FlagRepository,
  ) {}

  /** FeatBit's `feature-flags/insights` series. */
  async series(envId: string, request: InsightsRequest): Promise<InsightBucketView[]> {
    return (await this.read(envId, request)).series;
  }

  /** The console's form: the series and the totals over the whole period (users counted once). */
  async read(
    envId: string,
    request: InsightsRequest,
  ): Promise<{ series: InsightBucketView[]; summary: InsightsSummaryView }> {
    const zone = request.timezone ?? 'UTC';
    if (!isKnownTimeZone(zone)) {
      throw ValidationFailedError.of(
        'timezone',
        'timezone_is_invalid',
        `unknown time zone '${zone.slice(0, 64)}'`,
      );
    }
    checkRange(request.fromMs, request.toMs, MAX_RANGE_MS[request.interval], request.interval);
    const flag = await this.flag(envId, request.flagKey);
    const boundaries = bucketBoundaries(request.interval, request.fromMs, request.toMs, zone);
    const result = await this.analytics.flagInsights({
      envId,
      flagKey: flag.key,
      boundariesUs: boundaries.map((ms) => ms * 1000),
      fromUs: request.fromMs * 1000,
      toUs: request.toMs * 1000,
    });
    const variations = refs(flag);
    return {
      series: insightSeries(boundaries, result, variations),
      summary: insightSummary(result, variations),
    };
  }

  async users(
    envId: string,
    request: FlagUsersRequest,
  ): Promise<{ totalCount: number; items: FlagUserView[] }> {
    checkRange(request.fromMs, request.toMs, MAX_USERS_RANGE_MS, null);
    const flag = await this.flag(envId, request.flagKey);
    const page = await this.analytics.flagUsers({
      envId,
      flagKey: flag.key,
      fromUs: request.fromMs * 1000,
      toUs: request.toMs * 1000,
      ...(request.variationId ? { variationId: request.variationId } : {}),
      ...(request.query ? { query: request.query } : {}),
      pageIndex: request.pageIndex,
      pageSize: request.pageSize,
    });
    const names = new Map(refs(flag).map((v) => [v.id, v.name]));
    return {
      totalCount: page.totalCount,
      items: page.items.map((row) => ({
        variation: names.get(row.variationId) ?? row.variationId,
        variationId: row.variationId,
        keyId: row.keyId,
        name: row.name,
        lastEvaluatedAt: new Date(Math.floor(row.lastEvaluatedAtUs / 1000)).toISOString(),
      })),
    };
  }

  private async flag(envId: string, key: string): Promise<FeatureFlag> {
    const flag = await this.flags.findByKey(envId, key);
    if (!flag) {
      throw ValidationFailedError.of(
        'featureFlagKey',
        'featureFlagKey_is_invalid',
        `no flag '${key}' in this environment`,
      );
    }
    return flag;
  }
}

function refs(flag: FeatureFlag): VariationRef[] {
  return flag.variations.map((v) => ({ id: v.id, name: v.name }));
}

function checkRange(fromMs: number, toMs: number, maxMs: number, interval: InsightInterval | null): void {
  if (fromMs >= toMs) throw ValidationFailedError.of('from', 'from_is_invalid', '`from` must be before `to`');
  if (toMs - fromMs > maxMs) {
    const days = Math.round(maxMs / 86_400_000);
    const what = interval ? `a ${interval} interval` : 'this list';
    throw ValidationFailedError.of(
      'to',
      'to_is_invalid',
      `the range is too long for ${what}: at most ${days >= 1 ? `${days} days` : `${maxMs / 3600_000} hours`}`,
    );
  }
}
