import type { BusMessage, JobTopic } from '../../../core/ports/message-bus.port';
import type { QueueMessage } from './postgres-queue-message.repository';

/** What a poller needs from the PostgreSQL bus. */
export interface JobSource {
  readonly isClosed: boolean;
  readonly pollIntervalMs: number;
  /** Claims visible rows (an empty list when the database cannot answer). */
  claim(topic: JobTopic, limit: number): Promise<QueueMessage[]>;
  /** Acknowledges (failure null) or schedules the retry of handled rows; never throws. */
  settle(rows: QueueMessage[], failure: unknown): Promise<void>;
}

/** One competing consumer of a job topic: claim, handle, delete; poll again at once after a full batch. */
export class JobPoller {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  private abort: (() => void) | null = null;

  constructor(
    private readonly bus: JobSource,
    readonly topic: JobTopic,
    private readonly handler: (messages: BusMessage[]) => Promise<void>,
    private readonly batchSize: number,
  ) {}

  start(): void {
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.wake();
    // A batch still in the handler stays claimed and comes back after the visibility timeout.
    this.abort?.();
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (this.running && !this.bus.isClosed) {
      const rows = await this.bus.claim(this.topic, this.batchSize);
      if (!this.running) return;
      if (rows.length > 0) await this.handle(rows);
      if (rows.length < this.batchSize) await this.sleep(this.bus.pollIntervalMs);
    }
  }

  private async handle(rows: QueueMessage[]): Promise<void> {
    const messages: BusMessage[] = [];
    const unreadable: QueueMessage[] = [];
    for (const row of rows) {
      try {
        messages.push({ id: String(row.id), topic: this.topic, payload: JSON.parse(row.payload) });
      } catch {
        unreadable.push(row);
      }
    }
    let failure: unknown = null;
    const aborted = new Promise<'aborted'>((resolve) => (this.abort = () => resolve('aborted')));
    try {
      if (messages.length > 0 && (await Promise.race([this.handler(messages), aborted])) === 'aborted')
        return;
    } catch (error) {
      failure = error;
    } finally {
      this.abort = null;
    }
    const readable = rows.filter((row) => !unreadable.includes(row));
    if (readable.length > 0) await this.bus.settle(readable, failure);
    // A payload that is not JSON can never succeed: fail it right away.
    if (unreadable.length > 0) {
      await this.bus.settle(
        unreadable.map((row) => ({ ...row, deliverCount: Number.MAX_SAFE_INTEGER })),
        new Error('payload is not JSON'),
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = done;
      this.timer = setTimeout(done, ms);
    });
  }
}
