import { Module } from '@nestjs/common';
import { AccessTokenController } from '../access-tokens/access-token.controller';
import { AccessTokenService } from '../access-tokens/access-token.service';
import { GroupController } from './group.controller';
import { GroupService } from './group.service';
import { JoinOrganizationController } from './join-organization.controller';
import { MemberController } from './member.controller';
import { MemberService } from './member.service';
import { OwnerGuard } from './owner-guard.service';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';
import { ResourceController, ResourceV2Controller } from './resource.controller';
import { ResourceCatalog } from './resource.service';

@Module({
  controllers: [
    MemberController,
    GroupController,
    PolicyController,
    AccessTokenController,
    ResourceController,
    ResourceV2Controller,
    JoinOrganizationController,
  ],
  providers: [MemberService, GroupService, PolicyService, OwnerGuard, AccessTokenService, ResourceCatalog],
  exports: [MemberService],
})
export class IamModule {}
