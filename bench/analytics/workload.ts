import { randomUUID } from 'node:crypto';
import type { InsightEvent } from '../../src/core/insights/insight-event';
import { type InsightMessage, parseInsightMessage } from '../../src/core/messages/insight.message';
import { parseInsightBody } from '../../src/core/sdk/insight-intake';
import { prng } from '../../test/support/seeded-prng';

// The events of the analytics benchmark, built the way the evaluation role builds them: SDK
// insight bodies (POST /api/public/insight/track) through src/core/sdk/insight-intake.ts, so every
// message carries FeatBit's properties JSON (flagId, userKeyId, tag_0…tag_3, …). Seeded, so two
// runs load the same users, flags and times (uuids aside).

const HOUR_MS = 3_600_000;
export const DAYS = 30;
const HOURS = DAYS * 24;

interface Evaluation {
  user: number;
  flag: string;
  /** 0 or 1: boolean flag, variations v-on / v-off. */
  variation: number;
  timestampMs: number;
}

/** One SDK item per evaluation, as a server SDK flushes them. */
function messages(envId: string, evaluations: readonly Evaluation[]): InsightMessage[] {
  const body = evaluations.map((e) => ({
    user: { keyId: `user-${e.user}`, name: `User ${e.user}`, customizedProperties: [] },
    variations: [
      {
        featureFlagKey: e.flag,
        variation: e.variation === 0 ? { id: 'v-on', value: 'true' } : { id: 'v-off', value: 'false' },
        sendToExperiment: false,
        timestamp: e.timestampMs,
      },
    ],
  }));
  const parsed = parseInsightBody(body, {
    envId,
    maxItems: body.length,
    nowMs: Date.now(),
    newId: randomUUID,
  });
  if (!parsed.ok) throw new Error(`the generated body was refused: ${parsed.error}`);
  return parsed.batch.insights;
}

export function toEvents(batch: readonly InsightMessage[]): InsightEvent[] {
  return batch.map((m) => {
    const parsed = parseInsightMessage(m);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  });
}

/** Ingest scenarios: 20 flags, 50,000 users, 2 variations, times within the last hour. */
export function* ingestMessages(envId: string, total: number, chunk: number): Generator<InsightMessage[]> {
  const random = prng(17);
  const now = Date.now();
  for (let done = 0; done < total; done += chunk) {
    const n = Math.min(chunk, total - done);
    const evaluations: Evaluation[] = [];
    for (let i = 0; i < n; i++) {
      const user = Math.floor(random() * 50_000);
      evaluations.push({
        user,
        flag: `flag-${Math.floor(random() * 20)}`,
        variation: user % 2,
        timestampMs: now - Math.floor(random() * HOUR_MS),
      });
    }
    yield messages(envId, evaluations);
  }
}

/** The reads data set: one hot flag over 30 days, the rest spread over 200 flags. */
export interface ReadsDataSet {
  envId: string;
  total: number;
  hotFlag: string;
  hotEvents: number;
  hotUsers: number;
  /** Events [fromMs, toMs): the last 30 days up to the moment the set was generated. */
  fromMs: number;
  toMs: number;
}

export const HOT_FLAG = 'hot-flag';
const HOT_USERS = 20_000;
const COLD_FLAGS = 200;
const COLD_USERS = 50_000;
/** Evaluations of the hot flag per active user-hour (an SDK re-evaluating on page views). */
const PER_USER_HOUR = 4;

export function readsDataSet(envId: string, total: number): ReadsDataSet {
  const toMs = Date.now();
  return {
    envId,
    total,
    hotFlag: HOT_FLAG,
    hotEvents: Math.round(total / 10),
    hotUsers: HOT_USERS,
    fromMs: toMs - HOURS * HOUR_MS,
    toMs,
  };
}

/**
 * Hour by hour over the 30 days: the hot flag's share (a tenth: 1,000,000 of 10,000,000), where
 * ~350 of its 20,000 users are active in an hour with 4 evaluations each, and the rest over 200
 * flags and 50,000 users at random times. Users keep their variation (a 50/50 rollout).
 */
export function* readsEvents(set: ReadsDataSet, chunk: number): Generator<InsightEvent[]> {
  const random = prng(42);
  let pending: Evaluation[] = [];
  let hotLeft = set.hotEvents;
  let coldLeft = set.total - set.hotEvents;
  for (let h = 0; h < HOURS; h++) {
    const start = set.fromMs + h * HOUR_MS;
    const hot = Math.round(hotLeft / (HOURS - h));
    const cold = Math.round(coldLeft / (HOURS - h));
    hotLeft -= hot;
    coldLeft -= cold;
    for (let made = 0; made < hot;) {
      const user = Math.floor(random() * HOT_USERS);
      for (let k = 0; k < PER_USER_HOUR && made < hot; k++, made++) {
        pending.push({
          user,
          flag: HOT_FLAG,
          variation: user % 2,
          timestampMs: start + Math.floor(random() * HOUR_MS),
        });
      }
    }
    for (let i = 0; i < cold; i++) {
      const user = Math.floor(random() * COLD_USERS);
      pending.push({
        user,
        flag: `flag-${Math.floor(random() * COLD_FLAGS)}`,
        variation: user % 2,
        timestampMs: start + Math.floor(random() * HOUR_MS),
      });
    }
    while (pending.length >= chunk) {
      yield toEvents(messages(set.envId, pending.slice(0, chunk)));
      pending = pending.slice(chunk);
    }
  }
  if (pending.length > 0) yield toEvents(messages(set.envId, pending));
}
