import { Module } from '@nestjs/common';
import { AuditLogController, OrganizationAuditLogController } from './audit-log.controller';
import { AuditLogQueries } from './audit-log-queries.service';

@Module({ controllers: [AuditLogController, OrganizationAuditLogController], providers: [AuditLogQueries] })
export class AuditModule {}
