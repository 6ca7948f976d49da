import { randomUUID } from 'node:crypto';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import { prng } from '../../support/seeded-prng';

// The experiment part of the analytics query contract's event set: exposures of flag 'pricing'
// with sendToExperiment true and false, users served two variations, metric events before and after
// a user's first exposure and outside the window, numeric values exact in binary (so every
// provider's sums are exact) beside missing and non-numeric ones, and one event name used by two
// event types.

const H = 3600_000_000;
export const EXPERIMENT_FLAG = 'pricing';
const EXPERIMENT_VARIATIONS = ['p-a', 'p-b', 'p-c'];
export const EXPERIMENT_METRIC = 'purchase';

/** tag_1 texts: numbers exact in binary, and texts that count as 0 (undefined: no tag_1). */
const VALUES: (string | number | undefined)[] = [
  '1',
  '2.5',
  '-0.25',
  '1e+2',
  '0.125',
  '3',
  'abc',
  '',
  'Infinity',
  ' 3',
  '0x10',
  4,
  undefined,
];

function exposureEvent(
  envId: string,
  flagKey: string,
  variationId: string,
  userKey: string,
  us: number,
  sendToExperiment: boolean,
): InsightEvent {
  return {
    uuid: randomUUID(),
    distinctId: `${envId}-${flagKey}`,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify({
      route: '/Variation/GetMultiOptionVariation',
      flagId: `${envId}-${flagKey}`,
      envId,
      featureFlagKey: flagKey,
      sendToExperiment,
      userKeyId: userKey,
      variationId,
      tag_0: userKey,
      tag_1: variationId,
      tag_2: sendToExperiment ? 'true' : 'false',
      tag_3: `Name ${userKey}`,
    }),
    timestamp: us,
  };
}

function metricEvent(
  envId: string,
  type: string,
  name: string,
  userKey: string | undefined,
  us: number,
  value: string | number | undefined,
): InsightEvent {
  const properties: Record<string, unknown> = { route: '/', type, eventName: name, tag_2: 'someone' };
  if (userKey !== undefined) properties.tag_0 = userKey;
  if (value !== undefined) properties.tag_1 = value;
  return {
    uuid: randomUUID(),
    distinctId: name,
    envId,
    event: type,
    properties: JSON.stringify(properties),
    timestamp: us,
  };
}

/** Events in [t0 - 6 h, t0 + span + 6 h); the contract's windows lie inside that. */
export function generateExperimentEvents(
  envId: string,
  otherEnvId: string,
  t0: number,
  span: number,
): InsightEvent[] {
  const random = prng(18);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = () => t0 - 6 * H + Math.floor(random() * (span + 12 * H));
  const events: InsightEvent[] = [];
  for (let i = 0; i < 90; i++) {
    const user = `e${i}`;
    // Most users see one variation; every fifth sees two.
    const own = pick(EXPERIMENT_VARIATIONS);
    const exposures = 1 + Math.floor(random() * 4);
    for (let n = 0; n < exposures; n++) {
      const variation = i % 5 === 0 ? pick(EXPERIMENT_VARIATIONS) : own;
      events.push(exposureEvent(envId, EXPERIMENT_FLAG, variation, user, at(), random() < 0.75));
    }
    const metrics = Math.floor(random() * 5);
    for (let n = 0; n < metrics; n++) {
      const type = random() < 0.7 ? 'CustomEvent' : 'PageView';
      const name = random() < 0.85 ? EXPERIMENT_METRIC : 'signup';
      events.push(metricEvent(envId, type, name, user, at(), pick(VALUES)));
    }
    if (random() < 0.2) {
      events.push(exposureEvent(otherEnvId, EXPERIMENT_FLAG, own, user, at(), true));
      events.push(metricEvent(otherEnvId, 'CustomEvent', EXPERIMENT_METRIC, user, at(), '1'));
    }
  }
  const edge = t0 + 30 * H;
  // Equal first times: the smaller variation id wins; a metric event at that time counts, one µs
  // earlier does not.
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-c', 'tie', edge, true));
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-b', 'tie', edge, true));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'tie', edge, '2.5'));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'tie', edge - 1, '100'));
  // Only a non-experiment exposure first: the user's first experiment exposure decides.
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-a', 'late', edge, false));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'late', edge + 1, '0.5'));
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-b', 'late', edge + 2, true));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'late', edge + 3, '0.25'));
  // A metric event without a user, and the window's edges: `from` counts, `to` does not.
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, undefined, edge + 4, '1'));
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-a', 'from-edge', t0, true));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'from-edge', t0, '0.5'));
  events.push(metricEvent(envId, 'CustomEvent', EXPERIMENT_METRIC, 'from-edge', t0 + span, '8'));
  events.push(exposureEvent(envId, EXPERIMENT_FLAG, 'p-c', 'to-edge', t0 + span, true));
  return events;
}
