import { TOPICS, type BroadcastTopic } from '../../../core/ports/message-bus.port';
import type { Logger } from '../../../core/ports/logger.port';
import type { PgNotifier } from './pg-notifier';
import type { QueueMessageRepository } from './postgres-queue-message.repository';

/** LISTEN channels of the broadcast topics (FeatBit's, and ours for removals). */
export const BROADCAST_CHANNELS: Record<BroadcastTopic, string> = {
  [TOPICS.flagChange]: 'featbit_feature_flag_change_channel',
  [TOPICS.segmentChange]: 'featbit_segment_change_channel',
  [TOPICS.removal]: 'featbit_ts_removal_channel',
};
/** Our addition: a NOTIFY after an enqueue wakes idle pollers early (payload = topic). */
export const JOBS_CHANNEL = 'featbit_job_enqueued_channel';

export interface PostgresMessageBusOptions {
  queue: QueueMessageRepository;
  notifier: PgNotifier;
  instanceId: string;
  logger?: Logger;
  /** A claimed job stays invisible this long; unacknowledged, it is then delivered again (60 s). */
  visibilityTimeoutMs?: number;
  /** Idle poll interval of job consumers (1 s). */
  pollIntervalMs?: number;
  /** Deliveries before a job row is marked Failed and no longer retried (5). */
  maxDeliveries?: number;
  /** A failed batch is claimable again after this, doubled per delivery, capped at the visibility timeout (1 s). */
  retryBaseMs?: number;
  /** Notified (broadcast) rows older than this are purged, at most once per interval (1 day). */
  broadcastRetentionMs?: number;
  /** Clock-skew margin of the replay after a reconnect when no broadcast had been seen yet (15 s). */
  replayLookBackMs?: number;
}
