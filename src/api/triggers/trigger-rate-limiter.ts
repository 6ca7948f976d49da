import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import { RateLimitStore } from '../../shared/rate-limit/rate-limit-store';
import { TooManyRequestsError } from '../http/api-errors';

/** Runs of one trigger token per minute. */
export const TRIGGER_RUNS_PER_TOKEN = 30;
/** Runs that found no enabled trigger, per client address per minute (guessing tokens). */
export const TRIGGER_MISSES_PER_ADDRESS = 30;
const WINDOW_SECONDS = 60;

/**
 * Trigger runs per token hash and per client address, shared through Redis when one is configured
 * (as LoginRateLimiter). A slot of the address is taken before the lookup and given back when the
 * run found its trigger, so only misses stay counted against an address.
 */
@Injectable()
export class TriggerRateLimiter implements OnApplicationShutdown {
  private readonly token: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly store: RateLimitStore;

  constructor(config: AppConfig, logger: Logger) {
    this.store = new RateLimitStore(
      config,
      logger.child({ component: 'triggers' }),
      'featbit-trigger-limits',
    );
    const make = (prefix: string, points: number): RateLimiterAbstract =>
      this.store.limiter({
        keyPrefix: `featbit:trigger:${prefix}`,
        points,
        duration: WINDOW_SECONDS,
        inMemoryBlockOnConsumed: points * 4,
      });
    this.token = make('token', TRIGGER_RUNS_PER_TOKEN);
    this.address = make('address', TRIGGER_MISSES_PER_ADDRESS);
  }

  /** Takes one run from both budgets, or throws 429 when either is spent. */
  async reserve(tokenHash: string, ip: string): Promise<void> {
    try {
      await this.address.consume(ip);
    } catch (err) {
      throw limited(err, 'too many trigger runs from this address; try again later');
    }
    try {
      await this.token.consume(tokenHash);
    } catch (err) {
      await this.found(ip);
      throw limited(err, 'too many runs of this trigger; try again later');
    }
  }

  /** The run found its trigger: the address gets its slot back. */
  async found(ip: string): Promise<void> {
    await this.address.reward(ip).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function limited(err: unknown, message: string): Error {
  if (!(err instanceof RateLimiterRes)) return err instanceof Error ? err : new Error(String(err));
  return new TooManyRequestsError(message, Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
}
