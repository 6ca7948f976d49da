import { Injectable } from '@nestjs/common';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import type { HealthCheckable, HealthStatus } from '../../core/ports/health-checkable.port';
import { MessageBus } from '../../core/ports/message-bus.port';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, HealthStatus>;
}

const CHECK_TIMEOUT_MS = 2000;

async function withTimeout(check: HealthCheckable): Promise<HealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check.health(),
      new Promise<HealthStatus>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness = every selected provider reachable, plus whatever the running roles register. */
@Injectable()
export class ReadinessService {
  private readonly extra: HealthCheckable[] = [];

  constructor(
    private readonly store: DataStore,
    private readonly bus: MessageBus,
    private readonly cache: FlagCache,
  ) {}

  /** Roles add their own conditions (e.g. "flags loaded into memory"). */
  register(check: HealthCheckable): void {
    this.extra.push(check);
  }

  async report(): Promise<ReadinessReport> {
    const checks: HealthCheckable[] = [
      this.store,
      this.bus,
      ...(this.cache.enabled ? [this.cache] : []),
      ...this.extra,
    ];
    const results = await Promise.all(checks.map(withTimeout));
    const report: ReadinessReport = { ready: true, checks: {} };
    checks.forEach((check, i) => {
      report.checks[check.healthName] = results[i];
      if (!results[i].ok) report.ready = false;
    });
    return report;
  }
}
