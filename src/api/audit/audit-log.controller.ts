import { Body, Get, Query } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { auditInstructions } from '../../core/audit/audit-diff';
import type { AuditLog } from '../../core/audit/audit-log';
import type { Instruction } from '../../core/flags/flag-instructions';
import { DataStore } from '../../core/ports/data-store.port';
import type { AuditLogFilter } from '../../core/ports/users-and-events.repositories';
import type { Page } from '../../core/shared/paging';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ValidationFailedError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { ActorDirectory } from './actor-directory.service';
import {
  AuditLogDto,
  AuditLogQueryDto,
  CompareDto,
  InstructionDto,
  OrgAuditLogQueryDto,
} from './audit-log.dto';

export class AuditLogPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [AuditLogDto] }) items!: AuditLogDto[];
}

const ENV_REF_TYPES = new Set(['FeatureFlag', 'Segment', 'Environment', 'EnvironmentSecret']);

async function present(actors: ActorDirectory, page: Page<AuditLog>): Promise<AuditLogPageDto> {
  const names = await actors.resolve(page.items.map((l) => l.creatorId));
  return {
    totalCount: page.totalCount,
    items: page.items.map((log) => {
      const actor = names.get(log.creatorId);
      return {
        id: log.id,
        envId: log.envId,
        refId: log.refId,
        refType: log.refType,
        operation: log.operation,
        keyword: log.keyword,
        dataChange: log.dataChange,
        comment: log.comment,
        creatorId: log.creatorId,
        creatorName: actor?.name ?? 'Unknown',
        creatorEmail: actor?.email ?? '',
        createdAt: log.createdAt,
        instructions: auditInstructions(log.refType, log.dataChange),
      };
    }),
  };
}

function filterOf(query: AuditLogQueryDto): Omit<AuditLogFilter, 'envId' | 'organizationId'> {
  if (query.from && query.to && query.from > query.to) {
    throw ValidationFailedError.of('from', 'from_is_invalid', 'from must not be after to');
  }
  return {
    ...pageOf(query),
    query: query.query || undefined,
    creatorId: query.creatorId,
    refId: query.refId,
    refType: query.refType,
    from: query.from,
    to: query.to,
  };
}

@ManagementController('envs/:envId/audit-logs', 'Audit logs')
export class AuditLogController {
  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
  ) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listAuditLogs',
    'Changes in the environment (flags, segments, the environment and its secrets), newest first',
    'Filters: refType, refId (a flag’s history), creatorId, query (key, name or comment), from/to. crossEnvironment=true with refId lists a shared segment’s history from every environment.',
  )
  @ApiPagedEnvelope(AuditLogDto)
  async list(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Query() query: AuditLogQueryDto,
  ): Promise<AuditLogPageDto> {
    if (query.refType && !ENV_REF_TYPES.has(query.refType)) return { totalCount: 0, items: [] };
    if (query.crossEnvironment && query.refId) {
      const page = await this.store.auditLogs.list({
        ...filterOf(query),
        organizationId: ctx.org.id,
        refType: 'Segment',
      });
      return present(this.actors, page);
    }
    return present(
      this.actors,
      await this.store.auditLogs.list({ ...filterOf(query), envId, organizationId: ctx.org.id }),
    );
  }

  @PostOk('compare')
  @Permission('CanAccessEnv', Res.env())
  // The guard resolves envId (Res.env); only the permission check needs it.
  @ApiParam({ name: 'envId', type: String })
  @Operation('compareAuditData', 'Readable change lines between two versions of an object')
  @ApiOkEnvelope(InstructionDto, { isArray: true })
  compare(@Body() body: CompareDto): Instruction[] {
    return auditInstructions(body.refType, body.dataChange);
  }
}

@ManagementController('audit-logs', 'Audit logs')
export class OrganizationAuditLogController {
  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
  ) {}

  @Get()
  @Permission('CanManageIAM', Res.iam())
  @Operation(
    'listOrganizationAuditLogs',
    'Every change in the current organization (IAM, projects, environments, secrets, flags, segments)',
    'Needs CanManageIAM: it includes member, group, policy and access-token changes. Same filters as the environment listing plus envId.',
  )
  @ApiPagedEnvelope(AuditLogDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: OrgAuditLogQueryDto): Promise<AuditLogPageDto> {
    return present(
      this.actors,
      await this.store.auditLogs.list({ ...filterOf(query), envId: query.envId, organizationId: ctx.org.id }),
    );
  }
}
