import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { EnvelopeInterceptor } from '../http/envelope.interceptor';
import { ApiAccessGuard } from './api-access.guard';
import { Authenticator } from './authenticator.service';
import { EffectivePolicies } from './effective-policies.service';
import { JwtService } from './jwt.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { TenantLookup } from './tenant-lookup.service';

/**
 * Authentication, tenant resolution and IAM for the management API. The guard and the exception
 * filter are global but act only on /api/v1 requests.
 */
@Global()
@Module({
  providers: [
    JwtService,
    Authenticator,
    EffectivePolicies,
    TenantLookup,
    LoginRateLimiter,
    EnvelopeInterceptor,
    { provide: APP_GUARD, useClass: ApiAccessGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
  exports: [
    JwtService,
    Authenticator,
    EffectivePolicies,
    TenantLookup,
    LoginRateLimiter,
    EnvelopeInterceptor,
  ],
})
export class AuthModule {}
