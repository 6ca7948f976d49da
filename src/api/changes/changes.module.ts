import { Global, Module } from '@nestjs/common';
import { ActorDirectory } from '../audit/actor-directory.service';
import { AuditTrail } from '../audit/audit-trail.service';
import { FirstBootModule } from '../bootstrap/first-boot.module';
import { CacheSync } from './cache-sync.service';
import { OutboxRelay } from './outbox-relay.service';

/** Change side effects shared by every resource: audit trail, outbox relay, cache upkeep. */
@Global()
@Module({
  imports: [FirstBootModule],
  providers: [AuditTrail, ActorDirectory, OutboxRelay, CacheSync],
  exports: [AuditTrail, ActorDirectory, OutboxRelay, CacheSync],
})
export class ChangesModule {}
