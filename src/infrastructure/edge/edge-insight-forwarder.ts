import {
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig, type EdgeConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import { type BusMessage, MessageBus, type Subscription, TOPICS } from '../../core/ports/message-bus.port';
import { EdgeInsightBuffer } from './edge-insight-buffer';
import { EdgeSynchronizer } from './edge-synchronizer';

// Insights on the edge (docs/relay-proxies.md#edge-role): the evaluation role accepts and validates
// /api/public/insight/track as it does centrally; every body it accepted (200) is kept in the disk
// buffer and forwarded, as the SDK sent it, to the upstream's /api/public/insight/track with the
// environment's server secret (FeatBit's agent forwards the SDK's request likewise). End users seen
// on streams (featbit-endusers on the in-process bus) go as user-only items. The internal insight
// and usage messages are consumed and dropped here: the upstream makes its own from the bodies.

const FLUSH_INTERVAL_MS = 1_000;
const MAX_ENTRIES_PER_FLUSH = 200;
/** The upstream's INSIGHT_MAX_ITEMS default; a batch stays below it. */
const MAX_ITEMS_PER_REQUEST = 1_000;
const BACKOFF_CAP_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
const TRACK_PATH = '/api/public/insight/track';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

@Injectable()
export class EdgeInsightForwarder implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly edge: EdgeConfig;
  private readonly log: Logger;
  private buffer: EdgeInsightBuffer | null = null;
  private readonly subscriptions: Subscription[] = [];
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private nextAttempt = 0;
  private flushing = false;
  private reportedDropped = 0;
  forwarded = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly bus: MessageBus,
    private readonly sync: EdgeSynchronizer,
    config: AppConfig,
    logger: Logger,
  ) {
    if (config.edge === null) throw new Error('the edge insight forwarder needs the edge role');
    this.edge = config.edge;
    this.log = logger.child({ component: 'edge-insights' });
  }

  onModuleInit(): void {
    this.buffer = new EdgeInsightBuffer(this.edge.dataDir, this.edge.insightBufferBytes);
    if (this.buffer.size > 0)
      this.log.info('insights left from the last run will be forwarded', { entries: this.buffer.size });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (req, reply, done) => {
      if (
        reply.statusCode === 200 &&
        req.method === 'POST' &&
        req.url.split('?')[0].replace(/\/+$/, '').toLowerCase() === TRACK_PATH
      ) {
        this.accepted(req.headers.authorization, req.body);
      }
      done();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscriptions.push(
      await this.bus.consume(TOPICS.endUsers, (messages) => Promise.resolve(this.endUsers(messages))),
      await this.bus.consume(TOPICS.insights, () => Promise.resolve()),
      await this.bus.consume(TOPICS.usage, () => Promise.resolve()),
    );
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await Promise.allSettled(this.subscriptions.map((s) => s.unsubscribe()));
  }

  private accepted(authorization: string | undefined, body: unknown): void {
    if (typeof authorization !== 'string' || !Array.isArray(body) || body.length === 0) return;
    const context = this.sync.store.replica.secretContext(authorization.trim());
    if (context === null) return;
    this.add(context.envId, body);
  }

  private endUsers(messages: BusMessage[]): void {
    const byEnv = new Map<string, unknown[]>();
    for (const m of messages) {
      const p = m.payload as {
        envId?: unknown;
        keyId?: unknown;
        name?: unknown;
        customizedProperties?: unknown;
      };
      if (typeof p?.envId !== 'string' || typeof p.keyId !== 'string') continue;
      const items = byEnv.get(p.envId) ?? [];
      items.push({
        user: { keyId: p.keyId, name: p.name ?? '', customizedProperties: p.customizedProperties ?? [] },
        variations: [],
        metrics: [],
      });
      byEnv.set(p.envId, items);
    }
    for (const [envId, items] of byEnv) this.add(envId, items);
  }

  private add(envId: string, items: unknown[]): void {
    const buffer = this.buffer;
    if (buffer === null) return;
    try {
      buffer.add({ envId, items });
    } catch (err) {
      this.log.warn('buffering insights failed', { error: errorText(err) });
    }
    if (buffer.dropped > this.reportedDropped) {
      this.log.warn('the insight buffer is full: the oldest insights were dropped', {
        dropped: buffer.dropped,
        limitBytes: this.edge.insightBufferBytes,
      });
      this.reportedDropped = buffer.dropped;
      buffer.rewrite();
    }
  }

  /** Sends the oldest entries, one request per environment; failures back off (doubling, ≤ 1 min). */
  async flush(now = Date.now()): Promise<void> {
    const buffer = this.buffer;
    if (buffer === null || this.flushing || buffer.size === 0 || now < this.nextAttempt) return;
    this.flushing = true;
    try {
      const entries = buffer.peek(MAX_ENTRIES_PER_FLUSH);
      const batches = new Map<string, unknown[]>();
      let taken = 0;
      for (const entry of entries) {
        if (entry !== null) {
          const batch = batches.get(entry.envId) ?? [];
          if (batch.length > 0 && batch.length + entry.items.length > MAX_ITEMS_PER_REQUEST) break;
          batch.push(...entry.items);
          batches.set(entry.envId, batch);
        }
        taken++;
      }
      for (const [envId, items] of batches) await this.send(envId, items);
      buffer.remove(taken);
      this.forwarded += taken;
      this.failures = 0;
    } catch (err) {
      this.failures++;
      const delay = Math.min(BACKOFF_CAP_MS, 1_000 * 2 ** Math.min(this.failures, 10));
      this.nextAttempt = Date.now() + delay;
      if (this.failures === 1 || this.failures % 10 === 0) {
        this.log.warn('forwarding insights failed; kept on disk and retried', {
          error: errorText(err),
          failures: this.failures,
          retryInMs: delay,
          buffered: buffer.size,
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Throws to retry later; an environment no longer served or a 4xx answer drops the batch. */
  private async send(envId: string, items: unknown[]): Promise<void> {
    const secret = this.sync.store.replica.serverSecret(envId);
    if (secret === null) {
      this.log.warn('dropped insights of an environment the edge no longer serves', {
        envId,
        items: items.length,
      });
      return;
    }
    const res = await fetch(`${this.edge.upstreamUrl}${TRACK_PATH}`, {
      method: 'POST',
      headers: { authorization: secret, 'content-type': 'application/json' },
      body: JSON.stringify(items),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    if (res.ok) return;
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      this.log.warn('the upstream refused forwarded insights; dropped', {
        envId,
        status: res.status,
        items: items.length,
      });
      return;
    }
    throw new Error(`the upstream answered ${res.status}`);
  }
}
