import { Module } from '@nestjs/common';
import { FlagCommandController } from './flag-command.controller';
import { FlagCompareController } from './flag-compare.controller';
import { FlagCompare } from './flag-compare.service';
import { FlagCopyController } from './flag-copy.controller';
import { FlagLifecycleController } from './flag-lifecycle.controller';
import { FlagMutations } from './flag-mutation.service';
import { FlagPatchController } from './flag-patch.controller';
import { FlagQueryController } from './flag-query.controller';
import { FlagQueries } from './flag-query.service';
import { FlagTargeting } from './flag-targeting.service';

@Module({
  controllers: [
    FlagQueryController,
    FlagCommandController,
    FlagCopyController,
    FlagPatchController,
    FlagCompareController,
    FlagLifecycleController,
  ],
  providers: [FlagMutations, FlagTargeting, FlagQueries, FlagCompare],
  exports: [FlagMutations, FlagTargeting],
})
export class FeatureFlagsModule {}
