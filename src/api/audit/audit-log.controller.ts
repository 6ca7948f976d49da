import { Body, Get, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { auditInstructions } from '../../core/audit/audit-diff';
import type { InstructionView } from '../../core/audit/audit-instruction';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { AuditLogQueries } from './audit-log-queries.service';
import {
  AuditLogDto,
  type AuditLogPageDto,
  AuditLogQueryDto,
  CompareDto,
  InstructionDto,
  OrgAuditLogQueryDto,
} from './audit-log.dto';

@ManagementController('envs/:envId/audit-logs', 'Audit logs')
export class AuditLogController {
  constructor(private readonly queries: AuditLogQueries) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listAuditLogs',
    'Changes in the environment (flags, segments, the environment and its secrets), newest first',
    'Filters: refType, refId (a flag’s history), creatorId, query (key, name or comment), from/to. crossEnvironment=true with refId lists a shared segment’s history from every environment.',
  )
  @ApiPagedEnvelope(AuditLogDto)
  list(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Query() query: AuditLogQueryDto,
  ): Promise<AuditLogPageDto> {
    return this.queries.forEnvironment(ctx.org.id, envId, query);
  }

  @PostOk('compare')
  @Permission('CanAccessEnv', Res.env())
  // The guard resolves envId (Res.env); only the permission check needs it.
  @ApiParam({ name: 'envId', type: String })
  @Operation('compareAuditData', 'Readable change lines between two versions of an object')
  @ApiOkEnvelope(InstructionDto, { isArray: true })
  compare(@Body() body: CompareDto): InstructionView[] {
    return auditInstructions(body.refType, body.dataChange);
  }
}

@ManagementController('audit-logs', 'Audit logs')
export class OrganizationAuditLogController {
  constructor(private readonly queries: AuditLogQueries) {}

  @Get()
  @Permission('CanManageIAM', Res.iam())
  @Operation(
    'listOrganizationAuditLogs',
    'Every change in the current organization (IAM, projects, environments, secrets, flags, segments)',
    'Needs CanManageIAM: it includes member, group, policy and access-token changes. Same filters as the environment listing plus envId.',
  )
  @ApiPagedEnvelope(AuditLogDto)
  list(@Ctx() ctx: ApiContext, @Query() query: OrgAuditLogQueryDto): Promise<AuditLogPageDto> {
    return this.queries.forOrganization(ctx.org.id, query);
  }
}
