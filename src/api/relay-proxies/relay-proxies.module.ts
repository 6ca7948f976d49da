import { Module } from '@nestjs/common';
import { RelayAgentClient } from './relay-agent-client';
import { RelayProxyController } from './relay-proxy.controller';
import { RelayProxyService } from './relay-proxy.service';

/** Relay proxies (FeatBit's relay-proxies routes); the agent protocol is the evaluation role's. */
@Module({
  controllers: [RelayProxyController],
  providers: [RelayProxyService, RelayAgentClient],
})
export class RelayProxiesModule {}
