import { type RunningProduct, startProduct } from '../../support/product';

// A scale-out deployment of the built product: one api process, N evaluation processes and one
// analytics process, each `node dist/main.js --role <role>` on its own port with the same
// configuration. They share nothing but the database, the message queue and the cache.

export const SPLIT_JWT_SECRET = 'split-roles-e2e-jwt-secret-0123456789abcdef';

export interface SplitDeploymentOptions {
  /** Provider settings shared by every process (DB_PROVIDER, POSTGRES_URL, MQ_PROVIDER, …). */
  env: Record<string, string>;
  evaluations?: number;
}

export class SplitDeployment {
  private constructor(
    readonly api: RunningProduct,
    readonly evaluations: RunningProduct[],
    readonly analytics: RunningProduct,
  ) {}

  /** Starts every process at once (migrations and the first-boot seed are guarded against races). */
  static async start(options: SplitDeploymentOptions): Promise<SplitDeployment> {
    const env = {
      JWT_SECRET: SPLIT_JWT_SECRET,
      LOG_LEVEL: 'info',
      ...options.env,
    };
    const roles = ['api', ...Array<string>(options.evaluations ?? 2).fill('evaluation'), 'analytics'];
    const started = await Promise.allSettled(
      roles.map((role) => startProduct({ roles: role, env, readyTimeoutMs: 120_000 })),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(
        started.map((s) => (s.status === 'fulfilled' ? s.value.stop('SIGKILL') : Promise.resolve())),
      );
      throw failed.reason;
    }
    const processes = started.map((s) => (s as PromiseFulfilledResult<RunningProduct>).value);
    return new SplitDeployment(processes[0], processes.slice(1, -1), processes[processes.length - 1]);
  }

  get all(): RunningProduct[] {
    return [this.api, ...this.evaluations, this.analytics];
  }

  /** Freezes the analytics process (SIGSTOP): job messages pile up in the queue meanwhile. */
  freezeAnalytics(): void {
    this.analytics.child.kill('SIGSTOP');
  }

  resumeAnalytics(): void {
    this.analytics.child.kill('SIGCONT');
  }

  /** Log lines of every process matching `pattern`, prefixed with the role (for failure reports). */
  logs(pattern: RegExp = /"level":"(warn|error|fatal)"|"level":(40|50|60)/): string {
    const names = ['api', ...this.evaluations.map((_, i) => `evaluation#${i + 1}`), 'analytics'];
    return this.all
      .flatMap((p, i) =>
        p
          .logs()
          .split('\n')
          .filter((line) => pattern.test(line))
          .map((line) => `${names[i]}: ${line}`),
      )
      .join('\n');
  }

  async stop(): Promise<void> {
    this.resumeAnalytics();
    await Promise.all(this.all.map((p) => p.stop()));
  }
}
