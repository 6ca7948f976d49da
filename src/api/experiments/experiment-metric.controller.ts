import { Body, Get, Put, Query } from '@nestjs/common';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import {
  ExperimentMetricDto,
  ExperimentMetricInputDto,
  ExperimentMetricPageDto,
  ExperimentMetricQueryDto,
} from './experiment-metric.dto';
import { ExperimentMetricService } from './experiment-metric.service';

@ManagementController('envs/:envId/experiment-metrics', 'Experiments')
export class ExperimentMetricController {
  constructor(private readonly metrics: ExperimentMetricService) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation('listExperimentMetrics', 'Metrics not archived, by name and event type, latest update first')
  @ApiPagedEnvelope(ExperimentMetricDto)
  async list(
    @IdParam('envId') envId: string,
    @Query() q: ExperimentMetricQueryDto,
  ): Promise<ExperimentMetricPageDto> {
    const page = await this.metrics.list(envId, { ...pageOf(q), name: q.metricName, eventType: q.eventType });
    return { totalCount: page.totalCount, items: page.items.map((m) => ExperimentMetricDto.from(m)) };
  }

  @PostOk()
  @Permission('ManageExperiments', Res.env())
  @Operation('createExperimentMetric', 'Create a metric (custom conversion or numeric, page view, click)')
  @ApiOkEnvelope(ExperimentMetricDto)
  async create(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() body: ExperimentMetricInputDto,
  ): Promise<ExperimentMetricDto> {
    return ExperimentMetricDto.from(await this.metrics.create(ctx.actor, ctx.org.id, envId, body));
  }

  @Put(':id')
  @Permission('ManageExperiments', Res.env())
  @Operation('updateExperimentMetric', 'Update a metric (running iterations keep their snapshot)')
  @ApiOkEnvelope(ExperimentMetricDto)
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id') id: string,
    @Body() body: ExperimentMetricInputDto,
  ): Promise<ExperimentMetricDto> {
    return ExperimentMetricDto.from(await this.metrics.update(ctx.actor, ctx.org.id, envId, id, body));
  }

  @Put(':id/archive')
  @Permission('ManageExperiments', Res.env())
  @Operation('archiveExperimentMetric', 'Archive a metric (422 MetricIsBeingUsedByExperiment while in use)')
  @ApiOkEnvelope('boolean')
  archive(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id') id: string,
  ): Promise<boolean> {
    return this.metrics.archive(ctx.actor, ctx.org.id, envId, id);
  }
}
