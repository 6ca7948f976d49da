import { float32Text, parseInsightBody } from './insight-intake';

const ENV = 'ad99d259-1f50-4ed9-a002-7c65e25487df';
let seq = 0;
const options = () => ({ envId: ENV, maxItems: 10, nowMs: 1_700_000_000_999, newId: () => `id-${++seq}` });

const user = { keyId: 'u1', name: 'Bob', customizedProperties: [{ name: 'country', value: 'us' }] };

describe('insight intake', () => {
  beforeEach(() => {
    seq = 0;
  });

  it('builds FeatBit FlagValue messages (distinct_id env-flag, µs timestamp, properties JSON)', () => {
    const result = parseInsightBody(
      [
        {
          user,
          variations: [
            {
              featureFlagKey: 'checkout-v2',
              variation: { id: 'var-1', value: 'true' },
              sendToExperiment: true,
              timestamp: 1_700_000_000_000,
            },
          ],
        },
      ],
      options(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.batch.users).toEqual([user]);
    expect(result.batch.insights).toHaveLength(1);
    const m = result.batch.insights[0];
    expect(m).toMatchObject({
      uuid: 'id-1',
      distinct_id: `${ENV}-checkout-v2`,
      env_id: ENV,
      event: 'FlagValue',
      timestamp: 1_700_000_000_000_000,
    });
    expect(JSON.parse(m.properties)).toEqual({
      route: '/Variation/GetMultiOptionVariation',
      flagId: `${ENV}-checkout-v2`,
      envId: ENV,
      accountId: '',
      projectId: '',
      featureFlagKey: 'checkout-v2',
      sendToExperiment: true,
      userKeyId: 'u1',
      userName: 'Bob',
      variationId: 'var-1',
      variationValue: 'true',
      tag_0: 'u1',
      tag_1: 'var-1',
      tag_2: 'true',
      tag_3: 'Bob',
    });
  });

  it('builds custom metric messages with the float32 value', () => {
    const result = parseInsightBody(
      [
        {
          user: { keyId: 'u2' },
          metrics: [
            {
              route: 'index/metric',
              type: 'CustomEvent',
              eventName: 'checkout-completed',
              numericValue: 0.1,
              appType: 'NodeJS-Server-SDK',
              timestamp: 1_700_000_000_001,
            },
          ],
        },
      ],
      options(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.batch.insights[0];
    expect(m).toMatchObject({
      distinct_id: 'checkout-completed',
      event: 'CustomEvent',
      timestamp: 1_700_000_000_001_000,
    });
    expect(JSON.parse(m.properties)).toEqual({
      route: 'index/metric',
      type: 'CustomEvent',
      eventName: 'checkout-completed',
      numericValue: 0.1,
      user: { keyId: 'u2', name: null },
      applicationType: 'NodeJS-Server-SDK',
      projectId: '',
      envId: ENV,
      accountId: '',
      tag_0: 'u2',
      tag_1: '0.1',
      tag_2: null,
    });
  });

  it('gives every message its own id and uses now for a missing timestamp', () => {
    const result = parseInsightBody(
      [
        {
          user,
          variations: [
            { featureFlagKey: 'a', variation: { id: 'x', value: '1' } },
            { featureFlagKey: 'b', variation: { id: 'y', value: '2' } },
          ],
          metrics: [{ eventName: 'e' }],
        },
      ],
      options(),
    );
    if (!result.ok) throw new Error(result.error);
    expect(new Set(result.batch.insights.map((m) => m.uuid)).size).toBe(3);
    expect(result.batch.insights.every((m) => m.timestamp === 1_700_000_000_999_000)).toBe(true);
    expect(result.batch.insights[2].event).toBe('CustomEvent');
  });

  it('skips items without a keyId and evaluations without a variation, as FeatBit does', () => {
    const result = parseInsightBody(
      [
        { user: { keyId: ' ' }, variations: [{ featureFlagKey: 'a', variation: { id: 'x', value: '1' } }] },
        { variations: [] },
        { user, variations: [{ featureFlagKey: 'a', variation: null }] },
      ],
      options(),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.batch.skipped).toBe(2);
    expect(result.batch.users).toEqual([user]);
    expect(result.batch.insights).toEqual([]);
  });

  it.each([
    [{}, 'JSON array'],
    [[1], 'insights[0] must be an object'],
    [[{ user, variations: {} }], 'insights[0].variations must be an array'],
    [[{ user, variations: [{ variation: { id: 'x', value: 'y' } }] }], 'featureFlagKey is required'],
    [[{ user, variations: [{ featureFlagKey: 'a', variation: { id: 1, value: 'y' } }] }], 'variation.id'],
    [
      [{ user, variations: [{ featureFlagKey: 'a', sendToExperiment: 'yes', variation: null }] }],
      'sendToExperiment',
    ],
    [[{ user, metrics: [{ eventName: 'e', numericValue: 'x' }] }], 'numericValue'],
    [[{ user, metrics: [{ eventName: 'e', timestamp: -1 }] }], 'timestamp'],
    [[{ user, metrics: [{}] }], 'eventName is required'],
    [[{ user: { keyId: 'u', customizedProperties: 'x' } }], 'customizedProperties'],
  ])('rejects %j with a message', (body, message) => {
    const result = parseInsightBody(body, options());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('builds nothing when a later item is malformed', () => {
    const newId = jest.fn(() => 'id');
    const result = parseInsightBody(
      [
        { user, variations: [{ featureFlagKey: 'a', variation: { id: 'x', value: '1' } }] },
        { user, metrics: [{ eventName: 5 }] },
      ],
      { ...options(), newId },
    );
    expect(result.ok).toBe(false);
    expect(newId).not.toHaveBeenCalled();
  });

  it('caps the number of items', () => {
    const result = parseInsightBody(new Array(11).fill({ user }), options());
    expect(result).toEqual({ ok: false, error: 'too many insights in one request (at most 10)' });
  });

  it('prints float32 values the way .NET does', () => {
    expect(float32Text(0.1)).toBe('0.1');
    expect(float32Text(1)).toBe('1');
    expect(float32Text(1.5)).toBe('1.5');
    expect(float32Text(3.14159265)).toBe('3.1415927');
    expect(float32Text(-2.25)).toBe('-2.25');
  });
});
