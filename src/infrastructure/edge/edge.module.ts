import { Module } from '@nestjs/common';
import { EdgeInsightForwarder } from './edge-insight-forwarder';
import { EdgeSynchronizer } from './edge-synchronizer';

/**
 * What the edge role adds to the evaluation module (docs/relay-proxies.md#edge-role): the upstream
 * synchronizer that fills the replica DataStore (bound by DatabaseModule) and the insight forwarder.
 */
@Module({ providers: [EdgeSynchronizer, EdgeInsightForwarder] })
export class EdgeModule {}
