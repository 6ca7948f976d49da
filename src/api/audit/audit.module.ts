import { Module } from '@nestjs/common';
import { AuditLogController, OrganizationAuditLogController } from './audit-log.controller';

@Module({ controllers: [AuditLogController, OrganizationAuditLogController] })
export class AuditModule {}
