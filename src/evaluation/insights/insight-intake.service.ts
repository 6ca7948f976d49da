import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MessageBus, TOPICS } from '../../core/ports/message-bus.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { parseInsightBody } from '../../core/sdk/insight-intake';
import { endUserMessage, type EndUserMessage } from '../../core/messages/end-users.message';
import { insightUsageRecord, usageMessage } from '../../core/messages/usage.message';
import { EndUserPublisher } from './end-user-publisher';

export type TrackOutcome =
  { ok: true; insights: number; endUsers: number } | { ok: false; status: 400; error: string };

/**
 * POST /api/public/insight/track: the whole body is validated first, then end users (de-duplicated)
 * and insight messages are enqueued, then one usage record (featbit-usage) for the request, as
 * FeatBit's InsightController does; its id lets the analytics role count it once.
 */
@Injectable()
export class InsightIntakeService {
  private readonly maxItems: number;

  constructor(
    private readonly bus: MessageBus,
    private readonly endUsers: EndUserPublisher,
    config: AppConfig,
    @Optional() private readonly metrics: Metrics = new NoopMetrics(),
  ) {
    this.maxItems = config.limits.insightMaxItems;
  }

  /** Throws when the broker refuses (the caller answers 503). */
  async track(envId: string, body: unknown): Promise<TrackOutcome> {
    const nowMs = Date.now();
    const parsed = parseInsightBody(body, {
      envId,
      maxItems: this.maxItems,
      nowMs,
      newId: randomUUID,
    });
    if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
    const { users, insights } = parsed.batch;
    const fresh: { key: string; message: EndUserMessage }[] = [];
    for (const user of users) {
      const key = this.endUsers.claim(envId, user.keyId);
      if (key !== null) fresh.push({ key, message: endUserMessage(envId, user) });
    }
    await this.endUsers.publish(fresh);
    if (insights.length > 0) {
      await this.bus.enqueue(TOPICS.insights, insights);
      this.metrics.insightsIngested(insights.length);
    }
    if (users.length > 0) {
      const userKeys = users.map((u) => u.keyId);
      const usage = insightUsageRecord({ id: randomUUID(), envId, nowMs, userKeys, events: insights });
      await this.bus.enqueue(TOPICS.usage, [usageMessage(usage)]);
    }
    return { ok: true, insights: insights.length, endUsers: fresh.length };
  }
}
