import { Body, Put } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Environment } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { IsComment } from '../http/validators';
import { FlagMutations } from './flag-mutation.service';
import { ApiFlagKey } from './key-param';

// Flag lifecycle (beyond FeatBit, docs/api.md#flag-lifecycle): the one stored input of the status
// is the "permanent" mark; the rest is computed on read (FlagQueries).

export class UpdatePermanentDto {
  @ApiProperty({ description: 'true: the flag is meant to stay in the code (lifecycle "permanent")' })
  @IsBoolean()
  isPermanent!: boolean;
  @IsComment() comment?: string;
}

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagLifecycleController {
  constructor(private readonly mutations: FlagMutations) {}

  // A mark on the flag's settings, like its description: the same permission.
  @Put(':key/permanent')
  @Permission('UpdateFlagDescription', Res.flag())
  @ApiFlagKey()
  @Operation(
    'updateFeatureFlagPermanent',
    'Mark a flag permanent or not (its lifecycle status); audited',
    "Not part of the SDK payload: SDKs receive FeatBit's flag fields only.",
  )
  @ApiOkEnvelope('string', { description: 'The new revision of the flag' })
  async updatePermanent(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdatePermanentDto,
  ): Promise<string> {
    const next = await this.mutations.apply(ctx.actor, ctx.org.id, env, flag, {
      operation: 'Update',
      comment: body.comment,
      changes: { isPermanent: body.isPermanent },
    });
    return next.revision;
  }
}
