import { Injectable } from '@nestjs/common';
import { auditInstructions } from '../../core/audit/audit-diff';
import type { AuditLog } from '../../core/audit/audit-log';
import { AuditLogRepository, type AuditLogFilter } from '../../core/ports/users-and-events.repositories';
import type { Page } from '../../core/shared/paging';
import { ValidationFailedError } from '../http/api-errors';
import { pageOf } from '../http/paging.dto';
import { ActorDirectory } from './actor-directory.service';
import { type AuditLogPageDto, type AuditLogQueryDto, type OrgAuditLogQueryDto } from './audit-log.dto';

/** Ref types recorded in an environment (the others are organization-level). */
const ENV_REF_TYPES = new Set([
  'FeatureFlag',
  'Segment',
  'Environment',
  'EnvironmentSecret',
  'Experiment',
  'ExperimentMetric',
  'FlagSchedule',
  'FlagChangeRequest',
  'FlagTrigger',
]);

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

/** Reads the audit log of an environment or a whole organization, with the actors named. */
@Injectable()
export class AuditLogQueries {
  constructor(
    private readonly logs: AuditLogRepository,
    private readonly actors: ActorDirectory,
  ) {}

  /** An environment's changes; with crossEnvironment and refId, a shared segment's history everywhere. */
  async forEnvironment(
    organizationId: string,
    envId: string,
    query: AuditLogQueryDto,
  ): Promise<AuditLogPageDto> {
    if (query.refType && !ENV_REF_TYPES.has(query.refType)) return { totalCount: 0, items: [] };
    const filter: AuditLogFilter =
      query.crossEnvironment && query.refId
        ? { ...filterOf(query), organizationId, refType: 'Segment' }
        : { ...filterOf(query), envId, organizationId };
    return present(this.actors, await this.logs.list(filter));
  }

  async forOrganization(organizationId: string, query: OrgAuditLogQueryDto): Promise<AuditLogPageDto> {
    return present(
      this.actors,
      await this.logs.list({ ...filterOf(query), envId: query.envId, organizationId }),
    );
  }
}
