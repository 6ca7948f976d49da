import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import { RateLimitStore } from '../../shared/rate-limit/rate-limit-store';
import { TooManyRequestsError } from '../http/api-errors';

const WINDOW_SECONDS = 15 * 60;

/**
 * Sign-in attempts per account and per client address over a 15-minute window. A slot is taken
 * atomically before the password is checked, so parallel attempts cannot all slip past the limit;
 * a successful sign-in gives the address its slot back and clears the account's counter. With Redis
 * configured (CACHE_PROVIDER or MQ_PROVIDER redis) the counters are shared by every api replica;
 * while Redis is unreachable each replica falls back to its own memory.
 */
@Injectable()
export class LoginRateLimiter implements OnApplicationShutdown {
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly store: RateLimitStore;

  constructor(config: AppConfig, logger: Logger) {
    this.store = new RateLimitStore(config, logger.child({ component: 'auth' }), 'featbit-login-limits');
    const make = (prefix: string, points: number): RateLimiterAbstract =>
      this.store.limiter({ keyPrefix: `featbit:login:${prefix}`, points, duration: WINDOW_SECONDS });
    this.account = make('account', config.auth.loginMaxAttemptsPerAccount);
    this.address = make('address', config.auth.loginMaxAttemptsPerIp);
  }

  /** Whether the counters are currently shared through Redis. */
  get shared(): boolean {
    return this.store.shared;
  }

  /** Takes one attempt from both budgets, or throws 429 when either is spent. */
  async reserve(email: string, ip: string): Promise<void> {
    const accountKey = email.toLowerCase();
    try {
      await this.address.consume(ip);
    } catch (err) {
      throw limited(err, 'too many failed sign-in attempts from this address; try again later');
    }
    try {
      await this.account.consume(accountKey);
    } catch (err) {
      // The password is not checked, so the address keeps this slot.
      await this.address.reward(ip).catch(() => undefined);
      throw limited(err, 'too many failed sign-in attempts for this account; try again later');
    }
  }

  /** Only failed attempts stay counted. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.account.delete(email.toLowerCase()).catch(() => undefined),
      this.address.reward(ip).catch(() => undefined),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function limited(err: unknown, message: string): Error {
  if (!(err instanceof RateLimiterRes)) return err instanceof Error ? err : new Error(String(err));
  return new TooManyRequestsError(message, Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
}
