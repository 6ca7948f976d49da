import { Module } from '@nestjs/common';
import { AccessTokenController } from '../access-tokens/access-token.controller';
import { GroupController } from './group.controller';
import { MemberController } from './member.controller';
import { MemberService } from './member.service';
import { PolicyController } from './policy.controller';

@Module({
  controllers: [MemberController, GroupController, PolicyController, AccessTokenController],
  providers: [MemberService],
})
export class IamModule {}
