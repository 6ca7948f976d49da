import type { EndUser } from '../end-users/end-user';
import { type InsightMessage, insightMessage } from '../messages/insight.message';
import { checkSdkUser, fieldOf, isRecord, propertyValueText } from './sdk-user';

// POST /api/public/insight/track (docs/reference/wire-protocol.md#insight-track): a JSON array of {user,
// variations, metrics}. The whole body is validated before anything is built, so a bad body publishes
// nothing. Items without a usable keyId are skipped, as FeatBit does.

export interface InsightBatch {
  /** One entry per accepted item, in order (the caller de-duplicates end users). */
  users: EndUser[];
  insights: InsightMessage[];
  /** Items skipped because their user has no keyId. */
  skipped: number;
}

export type InsightParseResult = { ok: true; batch: InsightBatch } | { ok: false; error: string };

export interface InsightBuildOptions {
  envId: string;
  maxItems: number;
  nowMs: number;
  newId: () => string;
}

interface FlagEvent {
  flagKey: string;
  variationId: string;
  variationValue: string | null;
  sendToExperiment: boolean;
  timestampMs: number;
}

interface MetricEvent {
  route: string;
  type: string;
  eventName: string;
  numericValue: number;
  appType: string | null;
  timestampMs: number;
}

class BodyError extends Error {}

function optionalString(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new BodyError(`${what} must be a string`);
  return value;
}

function timestampMs(value: unknown, what: string, nowMs: number): number {
  if (value === undefined || value === null) return nowMs;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BodyError(`${what} must be Unix milliseconds`);
  }
  return Math.trunc(value);
}

function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BodyError(`${what} must be an array`);
  return value;
}

function parseVariation(raw: unknown, at: string, nowMs: number): FlagEvent | null {
  if (!isRecord(raw)) throw new BodyError(`${at} must be an object`);
  const flagKey = fieldOf(raw, 'featureFlagKey');
  if (typeof flagKey !== 'string' || flagKey === '') throw new BodyError(`${at}.featureFlagKey is required`);
  const variation = fieldOf(raw, 'variation');
  const sendToExperiment = fieldOf(raw, 'sendToExperiment') ?? false;
  if (typeof sendToExperiment !== 'boolean') throw new BodyError(`${at}.sendToExperiment must be a boolean`);
  const ts = timestampMs(fieldOf(raw, 'timestamp'), `${at}.timestamp`, nowMs);
  // FeatBit publishes nothing for an evaluation without a variation.
  if (variation === undefined || variation === null) return null;
  if (!isRecord(variation)) throw new BodyError(`${at}.variation must be an object`);
  const id = fieldOf(variation, 'id');
  if (typeof id !== 'string') throw new BodyError(`${at}.variation.id must be a string`);
  const value = propertyValueText(fieldOf(variation, 'value'));
  if (value === undefined) throw new BodyError(`${at}.variation.value must be a string`);
  return { flagKey, variationId: id, variationValue: value, sendToExperiment, timestampMs: ts };
}

function parseMetric(raw: unknown, at: string, nowMs: number): MetricEvent {
  if (!isRecord(raw)) throw new BodyError(`${at} must be an object`);
  const eventName = fieldOf(raw, 'eventName');
  if (typeof eventName !== 'string' || eventName === '') throw new BodyError(`${at}.eventName is required`);
  const numeric = fieldOf(raw, 'numericValue') ?? 0;
  if (typeof numeric !== 'number' || !Number.isFinite(numeric)) {
    throw new BodyError(`${at}.numericValue must be a number`);
  }
  return {
    route: optionalString(fieldOf(raw, 'route'), `${at}.route`) ?? 'index/metric',
    type: optionalString(fieldOf(raw, 'type'), `${at}.type`) ?? 'CustomEvent',
    eventName,
    // The server reads it as a float32.
    numericValue: Math.fround(numeric),
    appType: optionalString(fieldOf(raw, 'appType'), `${at}.appType`),
    timestampMs: timestampMs(fieldOf(raw, 'timestamp'), `${at}.timestamp`, nowMs),
  };
}

/** The shortest decimal text that reads back as the same float32 (how .NET prints a float). */
export function float32Text(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f) || Number.isInteger(f)) return String(f);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return String(candidate);
  }
  return String(f);
}

function flagMessage(envId: string, user: EndUser, e: FlagEvent, id: string): InsightMessage {
  const flagId = `${envId}-${e.flagKey}`;
  const name = user.name ?? null;
  const properties = {
    route: '/Variation/GetMultiOptionVariation',
    flagId,
    envId,
    accountId: '',
    projectId: '',
    featureFlagKey: e.flagKey,
    sendToExperiment: e.sendToExperiment,
    userKeyId: user.keyId,
    userName: name,
    variationId: e.variationId,
    variationValue: e.variationValue,
    tag_0: user.keyId,
    tag_1: e.variationId,
    tag_2: e.sendToExperiment ? 'true' : 'false',
    tag_3: name,
  };
  return insightMessage({
    uuid: id,
    distinctId: flagId,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify(properties),
    timestamp: e.timestampMs * 1000,
  });
}

function metricMessage(envId: string, user: EndUser, e: MetricEvent, id: string): InsightMessage {
  const name = user.name ?? null;
  const numeric = Number(float32Text(e.numericValue));
  const properties = {
    route: e.route,
    type: e.type,
    eventName: e.eventName,
    numericValue: numeric,
    user: { keyId: user.keyId, name },
    applicationType: e.appType,
    projectId: '',
    envId,
    accountId: '',
    tag_0: user.keyId,
    tag_1: float32Text(e.numericValue),
    tag_2: name,
  };
  return insightMessage({
    uuid: id,
    distinctId: e.eventName,
    envId,
    event: e.type,
    properties: JSON.stringify(properties),
    timestamp: e.timestampMs * 1000,
  });
}

/** Validates the whole body, then builds the messages. Nothing is built when any part is invalid. */
export function parseInsightBody(body: unknown, options: InsightBuildOptions): InsightParseResult {
  if (!Array.isArray(body)) return { ok: false, error: 'the body must be a JSON array of insights' };
  if (body.length > options.maxItems) {
    return { ok: false, error: `too many insights in one request (at most ${options.maxItems})` };
  }
  const accepted: { user: EndUser; flags: FlagEvent[]; metrics: MetricEvent[] }[] = [];
  let skipped = 0;
  try {
    body.forEach((raw: unknown, i) => {
      const at = `insights[${i}]`;
      if (!isRecord(raw)) throw new BodyError(`${at} must be an object`);
      const flags: FlagEvent[] = [];
      list(fieldOf(raw, 'variations'), `${at}.variations`).forEach((v, j) => {
        const event = parseVariation(v, `${at}.variations[${j}]`, options.nowMs);
        if (event !== null) flags.push(event);
      });
      const metrics = list(fieldOf(raw, 'metrics'), `${at}.metrics`).map((m, j) =>
        parseMetric(m, `${at}.metrics[${j}]`, options.nowMs),
      );
      const rawUser = fieldOf(raw, 'user');
      if (rawUser === undefined || rawUser === null) {
        skipped++;
        return;
      }
      const check = checkSdkUser(rawUser);
      if (!check.ok) {
        if (check.missingKey) {
          skipped++;
          return;
        }
        throw new BodyError(`${at}: ${check.problem}`);
      }
      accepted.push({ user: check.user, flags, metrics });
    });
  } catch (err) {
    if (err instanceof BodyError) return { ok: false, error: err.message };
    throw err;
  }
  const batch: InsightBatch = { users: [], insights: [], skipped };
  for (const item of accepted) {
    batch.users.push(item.user);
    for (const e of item.flags)
      batch.insights.push(flagMessage(options.envId, item.user, e, options.newId()));
    for (const e of item.metrics) {
      batch.insights.push(metricMessage(options.envId, item.user, e, options.newId()));
    }
  }
  return { ok: true, batch };
}
