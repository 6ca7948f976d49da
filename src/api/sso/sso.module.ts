import { Module } from '@nestjs/common';
import { IamModule } from '../iam/iam.module';
import { IdentityModule } from '../identity/identity.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { SsoController } from './sso.controller';
import { SsoService } from './sso.service';
import { WorkspaceSsoController } from './workspace-sso.controller';

/** OpenID Connect single sign-on per workspace (docs/security.md#single-sign-on). */
@Module({
  imports: [IdentityModule, IamModule, TenancyModule],
  controllers: [SsoController, WorkspaceSsoController],
  providers: [SsoService],
})
export class SsoModule {}
