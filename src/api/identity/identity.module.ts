import { Module } from '@nestjs/common';
import { IdentityController } from './identity.controller';
import { ProfileService } from './profile.service';
import { SessionService } from './session.service';
import { UserController } from './user.controller';

@Module({
  controllers: [IdentityController, UserController],
  providers: [SessionService, ProfileService],
  exports: [SessionService],
})
export class IdentityModule {}
