import { StoreUnavailableError } from '../../../core/shared/errors';
import { describeError } from './redact';
import type { StoreLogger } from './store-logger';

export interface SupervisorOptions {
  /** Service name used in errors and logs ("PostgreSQL", "MongoDB", "PGlite"). */
  service: string;
  logger: StoreLogger;
  /** One attempt to connect and prepare (migrate / build indexes). Throws to be retried. */
  connect: () => Promise<void>;
  /** Releases whatever a failed or finished attempt left open. */
  disconnect: () => Promise<void>;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

type State = { kind: 'connecting'; detail: string } | { kind: 'ready' } | { kind: 'closed' };

/**
 * Connects in the background and keeps retrying with exponential backoff (1 s, 2 s, 4 s … capped),
 * so a process can start before its database. Until ready, `assertReady()` raises
 * StoreUnavailableError and `detail()` says why (never with credentials).
 */
export class ConnectionSupervisor {
  private state: State = { kind: 'connecting', detail: 'connecting: first attempt' };
  private readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private attemptInFlight: Promise<void> | null = null;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.initialDelayMs = options.initialDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.ready = new Promise<void>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    // Nobody may be waiting when close() rejects it.
    this.ready.catch(() => undefined);
  }

  start(): void {
    void this.loop();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  get isReady(): boolean {
    return this.state.kind === 'ready';
  }

  get isClosed(): boolean {
    return this.state.kind === 'closed';
  }

  detail(): string {
    switch (this.state.kind) {
      case 'ready':
        return 'ready';
      case 'closed':
        return 'closed';
      case 'connecting':
        return this.state.detail;
    }
  }

  assertReady(): void {
    if (this.state.kind === 'ready') return;
    throw new StoreUnavailableError(
      this.options.service,
      new Error(this.state.kind === 'closed' ? 'store is closed' : this.state.detail),
    );
  }

  /** Stops retrying, waits for an attempt in flight, then disconnects. */
  async close(): Promise<void> {
    if (this.state.kind === 'closed') return;
    this.state = { kind: 'closed' };
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wake?.();
    await this.attemptInFlight?.catch(() => undefined);
    this.rejectReady(new StoreUnavailableError(this.options.service, new Error('store is closed')));
    await this.options.disconnect();
  }

  private async loop(): Promise<void> {
    const { logger, service } = this.options;
    for (let attempt = 1; this.stillConnecting(); attempt++) {
      try {
        this.attemptInFlight = this.options.connect();
        await this.attemptInFlight;
        if (!this.stillConnecting()) return; // closed meanwhile: close() disconnects
        this.state = { kind: 'ready' };
        logger.info(`${service} store ready`, { attempt });
        this.resolveReady();
        return;
      } catch (error) {
        await this.options.disconnect().catch(() => undefined);
        if (!this.stillConnecting()) return;
        const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (attempt - 1));
        const reason = describeError(error);
        this.state = {
          kind: 'connecting',
          detail: `connecting: ${reason} (attempt ${attempt}, retry in ${Math.round(delay / 1000)}s)`,
        };
        logger.warn(`${service} not reachable, retrying`, { reason, attempt, retryInMs: delay });
        await this.sleep(delay);
      } finally {
        this.attemptInFlight = null;
      }
    }
  }

  // A method, so TypeScript does not keep a narrowing of `state` across awaits.
  private stillConnecting(): boolean {
    return this.state.kind === 'connecting';
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
      this.timer = setTimeout(() => this.wake?.(), ms);
    });
  }
}
