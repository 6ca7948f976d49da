import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MessageBus, TOPICS } from '../../core/ports/message-bus.port';
import { parseInsightBody } from '../../core/sdk/insight-intake';
import { endUserMessage, type EndUserMessage } from '../../core/messages/end-users.message';
import { EndUserPublisher } from './end-user-publisher';

export type TrackOutcome =
  { ok: true; insights: number; endUsers: number } | { ok: false; status: 400; error: string };

/**
 * POST /api/public/insight/track: the whole body is validated first, then end users (de-duplicated)
 * and insight messages are enqueued. Usage records (featbit-usage) are not published: nothing
 * consumes them yet.
 */
@Injectable()
export class InsightIntakeService {
  private readonly maxItems: number;

  constructor(
    private readonly bus: MessageBus,
    private readonly endUsers: EndUserPublisher,
    config: AppConfig,
  ) {
    this.maxItems = config.limits.insightMaxItems;
  }

  /** Throws when the broker refuses (the caller answers 503). */
  async track(envId: string, body: unknown): Promise<TrackOutcome> {
    const parsed = parseInsightBody(body, {
      envId,
      maxItems: this.maxItems,
      nowMs: Date.now(),
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
    if (insights.length > 0) await this.bus.enqueue(TOPICS.insights, insights);
    return { ok: true, insights: insights.length, endUsers: fresh.length };
  }
}
