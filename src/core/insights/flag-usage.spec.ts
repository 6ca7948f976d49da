import { flagUsageDeltas } from './flag-usage';
import type { InsightEvent } from './insight-event';

const ENV = '7b1a0c52-4f1e-4f0e-9c41-3f5c8f0f9a11';

function event(flagKey: string, ms: number, overrides: Partial<InsightEvent> = {}): InsightEvent {
  return {
    uuid: `${flagKey}-${ms}`,
    distinctId: `${ENV}-${flagKey}`,
    envId: ENV,
    event: 'FlagValue',
    properties: '{}',
    timestamp: ms * 1000,
    ...overrides,
  };
}

describe('flagUsageDeltas', () => {
  it('keeps the earliest and latest evaluation of each flag, whatever the order', () => {
    const deltas = flagUsageDeltas([event('a', 2000), event('b', 500), event('a', 1000), event('a', 3000)]);
    expect(deltas).toEqual([
      { envId: ENV, flagKey: 'a', firstMs: 1000, lastMs: 3000 },
      { envId: ENV, flagKey: 'b', firstMs: 500, lastMs: 500 },
    ]);
  });

  it('reads flag keys that contain dashes after the environment id', () => {
    expect(flagUsageDeltas([event('new-checkout-flow', 10)])[0].flagKey).toBe('new-checkout-flow');
  });

  it('separates the same key in two environments', () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const deltas = flagUsageDeltas([
      event('a', 1),
      event('a', 2, { envId: other, distinctId: `${other}-a` }),
    ]);
    expect(deltas.map((d) => d.envId)).toEqual([ENV, other]);
  });

  it('ignores metric events and distinct ids that do not name a flag of the event environment', () => {
    expect(
      flagUsageDeltas([
        event('a', 1, { event: 'CustomEvent' }),
        event('a', 1, { distinctId: 'someone-else-a' }),
        event('a', 1, { distinctId: `${ENV}-` }),
      ]),
    ).toEqual([]);
  });

  it('turns microsecond timestamps into whole milliseconds', () => {
    const [d] = flagUsageDeltas([event('a', 0, { timestamp: 1_700_000_000_123_999 })]);
    expect(d.firstMs).toBe(1_700_000_000_123);
  });
});
