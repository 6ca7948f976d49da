import { Body, Get, Put } from '@nestjs/common';
import { Authenticated } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { EffectivePolicies } from '../auth/effective-policies.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { PolicyDto } from '../iam/policy.dto';
import { WorkspaceDto } from '../tenancy/tenancy.dto';
import { ProfileDto, UpdateProfileDto } from './identity.dto';
import { ProfileService } from './profile.service';

@ManagementController('user', 'Current user')
export class UserController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly policies: EffectivePolicies,
  ) {}

  @Get('profile')
  @Authenticated({ sessionOnly: true })
  @Operation('getProfile', 'The signed-in user')
  @ApiOkEnvelope(ProfileDto)
  profile(@Ctx() ctx: ApiContext): ProfileDto {
    const u = ctx.user;
    return { id: u.id, email: u.email, name: u.name, origin: u.origin };
  }

  @Put('profile')
  @Authenticated({ sessionOnly: true })
  @Operation('updateProfile', 'Change the own name and e-mail (422 EmailHasBeenUsed)')
  @ApiOkEnvelope(ProfileDto)
  async updateProfile(@Ctx() ctx: ApiContext, @Body() body: UpdateProfileDto): Promise<ProfileDto> {
    const updated = await this.profiles.update(ctx.user, body);
    return { id: updated.id, email: updated.email, name: updated.name, origin: updated.origin };
  }

  @Get('policies')
  @Authenticated({ scope: 'organization', sessionOnly: true })
  @Operation('getUserPolicies', 'Effective policies of the signed-in user in the current organization')
  @ApiOkEnvelope(PolicyDto, { isArray: true })
  async userPolicies(@Ctx() ctx: ApiContext): Promise<PolicyDto[]> {
    return (await this.policies.policiesOf(ctx.org.id, ctx.user.id)).map((x) => PolicyDto.from(x));
  }

  @Get('workspaces')
  @Authenticated({ sessionOnly: true })
  @Operation('getUserWorkspaces', 'Workspaces the signed-in user belongs to')
  @ApiOkEnvelope(WorkspaceDto, { isArray: true })
  async workspaces(@Ctx() ctx: ApiContext): Promise<WorkspaceDto[]> {
    return (await this.profiles.workspacesOf(ctx.user.id)).map((x) => WorkspaceDto.from(x));
  }
}
