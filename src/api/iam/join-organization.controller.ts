import { Req } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { OrganizationRepository } from '../../core/ports/tenancy.repositories';
import { Authenticated } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { isUuid } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ForbiddenError } from '../http/api-errors';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { MemberService } from './member.service';

@ManagementController('user', 'Current user')
export class JoinOrganizationController {
  constructor(
    private readonly members: MemberService,
    private readonly organizations: OrganizationRepository,
  ) {}

  // Workspace scope: the caller is not a member of the organization yet, so no policy can apply;
  // the guard has checked the Organization header (if any) names an organization of a workspace
  // the caller belongs to.
  @PostOk('join-organization')
  @Authenticated({ scope: 'workspace', sessionOnly: true })
  @ApiHeader({
    name: 'Organization',
    required: false,
    description: 'The organization to join; the workspace’s first organization when absent',
  })
  @Operation(
    'joinOrganization',
    'Join an organization of the workspace with its default permissions (after the first SSO sign-in)',
    'As FeatBit’s UserController join-organization: the organization is the one in the Organization header (the workspace’s first organization without it). Already a member: nothing changes. A member of another organization of the workspace is refused (403).',
  )
  @ApiOkEnvelope('boolean')
  async join(@Ctx() ctx: ApiContext, @Req() req: FastifyRequest): Promise<boolean> {
    const header = req.headers['organization'];
    const orgs = await this.organizations.listByWorkspace(ctx.ws.id);
    const org =
      typeof header === 'string' && isUuid(header)
        ? orgs.find((o) => o.id === header.toLowerCase())
        : orgs[0];
    if (!org) throw new ForbiddenError('the workspace has no such organization');
    await this.members.join(org, ctx.user);
    return true;
  }
}
