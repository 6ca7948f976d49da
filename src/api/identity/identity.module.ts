import { Module } from '@nestjs/common';
import { IdentityController } from './identity.controller';
import { SessionService } from './session.service';
import { UserController } from './user.controller';

@Module({ controllers: [IdentityController, UserController], providers: [SessionService] })
export class IdentityModule {}
