import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import type { Experiment, ExperimentIteration } from '../../core/experiments/experiments';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ValidationFailedError } from '../http/api-errors';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import {
  CreateExperimentDto,
  ExperimentDto,
  ExperimentIterationDto,
  ExperimentPageDto,
  ExperimentQueryDto,
  ExperimentViewDto,
  IterationResultsDto,
  IterationResultsRequestDto,
  StatusCountDto,
  VariationReferencesQueryDto,
} from './experiment.dto';
import { ExperimentService, type ExperimentView } from './experiment.service';
import type { IterationResultsView } from './experiment-results.service';

const MAX_RESULT_REQUESTS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ManagementController('envs/:envId/experiments', 'Experiments')
@ApiExtraModels(IterationResultsRequestDto)
export class ExperimentController {
  constructor(private readonly experiments: ExperimentService) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation('listExperiments', 'Experiments not archived, with their flag and metric, newest first')
  @ApiPagedEnvelope(ExperimentViewDto)
  list(@IdParam('envId') envId: string, @Query() q: ExperimentQueryDto): Promise<ExperimentPageDto> {
    return this.experiments.list(envId, {
      featureFlagName: q.featureFlagName,
      featureFlagId: q.featureFlagId,
      pageIndex: q.pageIndex ?? 0,
      pageSize: q.pageSize ?? 10,
    }) as Promise<ExperimentPageDto>;
  }

  @PostOk()
  @Permission('ManageExperiments', Res.env())
  @Operation(
    'createExperiment',
    'Create an experiment (flag, metric, baseline, alpha); an existing one for the same flag and metric is answered as it is',
  )
  @ApiOkEnvelope(ExperimentDto)
  create(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() body: CreateExperimentDto,
  ): Promise<Experiment> {
    return this.experiments.create(ctx.actor, ctx.org.id, envId, body);
  }

  @Get('variation-experiment-references')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getVariationExperimentReferences', 'Experiments of the flag whose baseline is that variation')
  @ApiOkEnvelope(ExperimentViewDto, { isArray: true })
  references(
    @IdParam('envId') envId: string,
    @Query() q: VariationReferencesQueryDto,
  ): Promise<ExperimentView[]> {
    return this.experiments.references(envId, q.flagId, q.variationId);
  }

  @Get('status-count')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getExperimentStatusCount', 'Experiments not archived, counted by status')
  @ApiOkEnvelope(StatusCountDto, { isArray: true })
  statusCount(@IdParam('envId') envId: string): Promise<StatusCountDto[]> {
    return this.experiments.statusCount(envId);
  }

  @Put('iteration-results')
  @Permission('CanAccessEnv', Res.env())
  @ApiBody({
    schema: {
      type: 'array',
      maxItems: MAX_RESULT_REQUESTS,
      items: { $ref: getSchemaPath(IterationResultsRequestDto) },
    },
  })
  @Operation(
    'getExperimentIterationResults',
    "Results of iterations, computed from stored events (only exptId and iterationId are read; FeatBit's other fields are ignored)",
  )
  @ApiOkEnvelope(IterationResultsDto, { isArray: true })
  results(@IdParam('envId') envId: string, @Body() body: unknown): Promise<IterationResultsView[]> {
    return this.experiments.iterationResults(envId, resultRequests(body));
  }

  @PostOk(':experimentId')
  @Permission('ManageExperiments', Res.env())
  @Operation('startExperiment', 'Start a new iteration (the running one ends with its final results)')
  @ApiOkEnvelope(ExperimentIterationDto)
  start(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('experimentId') id: string,
  ): Promise<ExperimentIteration> {
    return this.experiments.start(ctx.actor, ctx.org.id, envId, id);
  }

  @Put(':experimentId')
  @Permission('ManageExperiments', Res.env())
  @Operation('stopExperiment', 'Stop the running iteration (its final results are stored)')
  @ApiOkEnvelope('boolean')
  stop(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('experimentId') id: string,
  ): Promise<boolean> {
    return this.experiments.stop(ctx.actor, ctx.org.id, envId, id);
  }

  @Delete(':experimentId/iterations')
  @Permission('ManageExperiments', Res.env())
  @Operation(
    'removeExperimentData',
    'Archive every iteration ("Remove data"); the experiment is NotStarted again',
  )
  @ApiOkEnvelope('boolean')
  removeData(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('experimentId') id: string,
  ): Promise<boolean> {
    return this.experiments.removeData(ctx.actor, ctx.org.id, envId, id);
  }

  @Delete(':experimentId')
  @Permission('ManageExperiments', Res.env())
  @Operation('archiveExperiment', 'Archive an experiment (the running iteration ends with its final results)')
  @ApiOkEnvelope('boolean')
  archive(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('experimentId') id: string,
  ): Promise<boolean> {
    return this.experiments.archive(ctx.actor, ctx.org.id, envId, id);
  }
}

/** FeatBit's body is an array of ExperimentIterationParam; only the ids are trusted. */
function resultRequests(body: unknown): { exptId: string; iterationId: string }[] {
  if (!Array.isArray(body) || body.length > MAX_RESULT_REQUESTS) {
    throw ValidationFailedError.of(
      'body',
      'body_is_invalid',
      `a JSON array of at most ${MAX_RESULT_REQUESTS} iterations`,
    );
  }
  return body.map((item: unknown, i) => {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    if (typeof o.exptId !== 'string' || !UUID.test(o.exptId)) {
      throw ValidationFailedError.of(`[${i}].exptId`, 'exptId_is_invalid', `[${i}].exptId must be a UUID`);
    }
    if (typeof o.iterationId !== 'string' || o.iterationId.length === 0 || o.iterationId.length > 64) {
      throw ValidationFailedError.of(
        `[${i}].iterationId`,
        'iterationId_is_invalid',
        `[${i}].iterationId is required`,
      );
    }
    return { exptId: o.exptId, iterationId: o.iterationId };
  });
}
