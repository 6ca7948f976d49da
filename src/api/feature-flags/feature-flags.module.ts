import { Module } from '@nestjs/common';
import { FlagCommandController } from './flag-command.controller';
import { FlagCopyController } from './flag-copy.controller';
import { FlagMutations } from './flag-mutation.service';
import { FlagPatchController } from './flag-patch.controller';
import { FlagQueryController } from './flag-query.controller';
import { FlagQueries } from './flag-query.service';
import { FlagTargeting } from './flag-targeting.service';

@Module({
  controllers: [FlagQueryController, FlagCommandController, FlagCopyController, FlagPatchController],
  providers: [FlagMutations, FlagTargeting, FlagQueries],
  exports: [FlagMutations, FlagTargeting],
})
export class FeatureFlagsModule {}
