import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { TooManyRequestsError } from '../http/api-errors';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 100_000;

/**
 * Failed-login counters per account and per client address over a 15-minute window. In memory, per
 * process: with N api replicas an attacker gets at most N times the limit (documented in api.md).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Overridable clock for tests. */
  now: () => number = Date.now;

  constructor(private readonly config: AppConfig) {}

  /** Throws 429 when either counter is exhausted. */
  check(email: string, ip: string): void {
    const account = this.count(`a:${email.toLowerCase()}`);
    const address = this.count(`i:${ip}`);
    if (account.count >= this.config.auth.loginMaxAttemptsPerAccount) {
      throw new TooManyRequestsError(
        'too many failed sign-in attempts for this account; try again later',
        account.retry,
      );
    }
    if (address.count >= this.config.auth.loginMaxAttemptsPerIp) {
      throw new TooManyRequestsError(
        'too many failed sign-in attempts from this address; try again later',
        address.retry,
      );
    }
  }

  recordFailure(email: string, ip: string): void {
    this.add(`a:${email.toLowerCase()}`);
    this.add(`i:${ip}`);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`a:${email.toLowerCase()}`);
  }

  private count(key: string): { count: number; retry: number } {
    const now = this.now();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    const retry = recent.length > 0 ? Math.ceil((recent[0] + WINDOW_MS - now) / 1000) : 0;
    return { count: recent.length, retry };
  }

  private add(key: string): void {
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED) {
      // Bounded memory: drop the oldest tracked key.
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    const list = this.failures.get(key) ?? [];
    list.push(this.now());
    this.failures.set(key, list.slice(-1000));
  }
}
