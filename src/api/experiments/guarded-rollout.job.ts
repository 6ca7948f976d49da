import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import { GuardedRolloutService } from './guarded-rollout.service';

/**
 * Every GUARDRAIL_CHECK_INTERVAL_SECONDS, checks each watched rollout. A pass still running when the
 * next is due is not overlapped. Several api replicas may check the same rollout: the rollback is a
 * flag write on the revision the check read, so only one of them applies it.
 */
@Injectable()
export class GuardedRolloutJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly log: Logger;

  constructor(
    private readonly guards: GuardedRolloutService,
    private readonly config: AppConfig,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'guarded-rollout' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), this.config.analytics.guardrailCheckSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.guards.checkAll();
    } catch (err) {
      // The store may be starting or unreachable: the next tick tries again.
      this.log.warn('guarded rollouts not checked', {
        error: err instanceof Error ? err.message : String(err),
      });
    } finally {
      this.running = false;
    }
  }
}
