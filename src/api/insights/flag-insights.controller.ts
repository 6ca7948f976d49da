import { Get, Query } from '@nestjs/common';
import type { InsightBucketView } from '../../core/analytics/flag-insights';
import { Permission } from '../auth/access.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { KeyParam } from '../feature-flags/key-param';
import {
  FlagInsightsDto,
  FlagInsightsQueryDto,
  FlagUserPageDto,
  FlagUsersQueryDto,
  InsightBucketDto,
  InsightsRangeQueryDto,
} from './flag-insights.dto';
import { FlagInsightsService } from './flag-insights.service';

@ManagementController('envs/:envId/feature-flags', 'Insights')
export class FlagInsightsController {
  constructor(private readonly insights: FlagInsightsService) {}

  @Get('insights')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'getFlagInsights',
    "FeatBit's flag insights: evaluations (and distinct users) per variation per time bucket",
  )
  @ApiOkEnvelope(InsightBucketDto, { isArray: true })
  series(@IdParam('envId') envId: string, @Query() q: FlagInsightsQueryDto): Promise<InsightBucketView[]> {
    return this.insights.series(envId, {
      flagKey: q.featureFlagKey,
      interval: q.intervalType,
      fromMs: q.from,
      toMs: q.to,
      timezone: q.timezone,
    });
  }

  @Get(':key/insights')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getFlagInsightsWithSummary', "The console's insights: the series and the period's totals")
  @ApiOkEnvelope(FlagInsightsDto)
  read(
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
    @Query() q: InsightsRangeQueryDto,
  ): Promise<FlagInsightsDto> {
    return this.insights.read(envId, {
      flagKey: key,
      interval: q.intervalType,
      fromMs: q.from,
      toMs: q.to,
      timezone: q.timezone,
    });
  }
}

@ManagementController('envs/:envId/end-users', 'Insights')
export class FlagUsersController {
  constructor(private readonly insights: FlagInsightsService) {}

  @Get('get-by-featureflag')
  @Permission('CanAccessEnv', Res.env())
  @Operation('listFlagEndUsers', 'End users who evaluated a flag: variation and last evaluation, paged')
  @ApiOkEnvelope(FlagUserPageDto)
  list(@IdParam('envId') envId: string, @Query() q: FlagUsersQueryDto): Promise<FlagUserPageDto> {
    return this.insights.users(envId, {
      flagKey: q.featureFlagKey,
      fromMs: q.from,
      toMs: q.to,
      variationId: q.variationId,
      query: q.query,
      pageIndex: q.pageIndex ?? 0,
      pageSize: q.pageSize ?? 10,
    });
  }
}
