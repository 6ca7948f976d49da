import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { TriggerTargets } from './trigger-access';
import { TriggerController } from './trigger.controller';
import { TriggerRateLimiter } from './trigger-rate-limiter';
import { TriggerService } from './trigger.service';

/** Flag triggers: secret URLs that turn a flag on or off (FeatBit's triggers routes). */
@Module({
  imports: [FeatureFlagsModule],
  controllers: [TriggerController],
  providers: [TriggerService, TriggerTargets, TriggerRateLimiter],
})
export class TriggersModule {}
