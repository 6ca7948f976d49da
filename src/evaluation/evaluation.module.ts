import { Module } from '@nestjs/common';
import { SecretResolver } from './auth/secret-resolver';
import { EnvironmentRegistry } from './environments/environment-registry';
import { EvaluationReadiness } from './evaluation-readiness';
import { AgentRoutes } from './http/agent-routes';
import { OfrepEventStreams } from './http/ofrep-event-streams';
import { OfrepRoutes } from './http/ofrep-routes';
import { SdkAuthenticator } from './http/sdk-auth';
import { SdkFastPath } from './http/sdk-fast-path';
import { SdkRateLimiter } from './http/sdk-rate-limiter';
import { SdkRoutes } from './http/sdk-routes';
import { EndUserPublisher } from './insights/end-user-publisher';
import { InsightIntakeService } from './insights/insight-intake.service';
import { RelayAgents } from './relay/relay-agents';
import { RelayHub } from './relay/relay-hub';
import { StreamingGateway } from './streaming/streaming-gateway';

/**
 * Role "evaluation" (docs/evaluation-server.md): FeatBit-compatible SDK streaming (/streaming),
 * polling, evaluation and insight intake (/api/public/...), and OFREP (/ofrep/v1/..., with its
 * event stream).
 */
@Module({
  providers: [
    SecretResolver,
    EnvironmentRegistry,
    EndUserPublisher,
    InsightIntakeService,
    SdkRateLimiter,
    SdkAuthenticator,
    OfrepEventStreams,
    SdkRoutes,
    OfrepRoutes,
    SdkFastPath,
    RelayAgents,
    RelayHub,
    AgentRoutes,
    StreamingGateway,
    EvaluationReadiness,
  ],
})
export class EvaluationModule {}
