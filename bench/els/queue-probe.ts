import { Client } from 'pg';
import { nowUs } from './histogram';

// Watches the change queue the api publishes to (PostgreSQL NOTIFY or Redis PUBLISH) so that a
// change's latency splits into "API call → queue message" and "queue message → SDK". The probe is
// one more listener, as an evaluation replica would be.

const PG_CHANNELS = ['featbit_feature_flag_change_channel', 'featbit_segment_change_channel'];
const REDIS_CHANNELS = ['featbit-feature-flag-change', 'featbit-segment-change'];

export class QueueProbe {
  private seenAt = 0;
  private waiter: (() => void) | null = null;

  private constructor(private readonly close: () => Promise<void>) {}

  /** null for the embedded stack (the in-process queue cannot be watched from outside). */
  static async open(env: Record<string, string>, envId: string): Promise<QueueProbe | null> {
    if (env.MQ_PROVIDER === 'postgres') {
      const client = new Client({ connectionString: env.POSTGRES_URL });
      await client.connect();
      const probe = new QueueProbe(() => client.end());
      client.on('notification', () => probe.seen());
      for (const channel of PG_CHANNELS) await client.query(`LISTEN ${channel}`);
      return probe;
    }
    if (env.MQ_PROVIDER === 'redis') {
      const { default: Redis } = await import('ioredis');
      const redis = new Redis(env.REDIS_URL);
      const probe = new QueueProbe(() => {
        redis.disconnect();
        return Promise.resolve();
      });
      // Pub/sub channels are shared by every Redis user here: only this environment's messages.
      redis.on('message', (_channel: string, message: string) => {
        if (message.includes(envId)) probe.seen();
      });
      await redis.subscribe(...REDIS_CHANNELS);
      return probe;
    }
    return null;
  }

  private seen(): void {
    if (this.seenAt !== 0) return;
    this.seenAt = nowUs();
    this.waiter?.();
  }

  /** Forget the last message: the next one belongs to the coming change. */
  arm(): void {
    this.seenAt = 0;
    this.waiter = null;
  }

  /** When the first message after arm() arrived (µs, monotonic); 0 if none within the timeout. */
  async next(timeoutMs = 5000): Promise<number> {
    if (this.seenAt === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.seenAt;
  }

  async stop(): Promise<void> {
    await this.close();
  }
}
