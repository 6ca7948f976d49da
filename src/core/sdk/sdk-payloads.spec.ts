import { MAX_JSON_DEPTH } from '../json/bounded-json';
import { type EvalResult, toClientFlag } from '../evaluation';
import type { FeatureFlag } from '../flags/feature-flag';
import {
  PONG_JSON,
  clientFlagJson,
  clientSyncJson,
  dataSyncTimestamp,
  echoJson,
  parseSdkMessage,
  serverSyncJson,
} from './sdk-payloads';

const flag = {
  id: 'f1',
  key: 'hello-world',
  variationType: 'boolean',
  variations: [
    { id: 'v-true', name: 'on', value: 'true' },
    { id: 'v-false', name: 'off', value: 'false' },
  ],
  updatedAt: '2024-04-10T13:29:40.494Z',
} as unknown as FeatureFlag;

const result: EvalResult = {
  variationId: 'v-false',
  value: 'false',
  reason: 'flag disabled',
  sendToExperiment: false,
};

describe('SDK payloads', () => {
  it('pong is exactly the bytes FeatBit sends', () => {
    expect(PONG_JSON).toBe('{"messageType":"pong","data":{}}');
  });

  it('builds the server data-sync envelope from JSON pieces', () => {
    const json = serverSyncJson(
      'full',
      [JSON.stringify({ id: 'a' }), JSON.stringify({ id: 'b' })],
      ['{"id":"s"}'],
    );
    expect(JSON.parse(json)).toEqual({
      messageType: 'data-sync',
      data: { eventType: 'full', featureFlags: [{ id: 'a' }, { id: 'b' }], segments: [{ id: 's' }] },
    });
    expect(serverSyncJson('patch', [], [])).toBe(
      '{"messageType":"data-sync","data":{"eventType":"patch","featureFlags":[],"segments":[]}}',
    );
  });

  it('builds the client data-sync envelope with the user key', () => {
    const item = clientFlagJson(flag, result, 1712755780494);
    const json = clientSyncJson('patch', 'user "1"', [item]);
    expect(JSON.parse(json)).toEqual({
      messageType: 'data-sync',
      data: { eventType: 'patch', userKeyId: 'user "1"', featureFlags: [JSON.parse(item)] },
    });
  });

  it('writes client items in FeatBit property order with the given timestamp', () => {
    const item = clientFlagJson(flag, result, 1712755799999);
    expect(Object.keys(JSON.parse(item))).toEqual([
      'id',
      'variation',
      'variationType',
      'variationId',
      'matchReason',
      'variationOptions',
      'sendToExperiment',
      'timestamp',
    ]);
    expect(JSON.parse(item)).toEqual({ ...toClientFlag(flag, result), timestamp: 1712755799999 });
    expect(JSON.parse(item).variationOptions).toEqual([
      { id: 'v-true', value: 'true' },
      { id: 'v-false', value: 'false' },
    ]);
  });

  it('writes null variations for archived flags', () => {
    const archived: EvalResult = {
      variationId: null,
      value: null,
      reason: 'flag archived',
      sendToExperiment: false,
    };
    expect(JSON.parse(clientFlagJson(flag, archived, 1))).toMatchObject({
      variation: null,
      variationId: null,
      matchReason: 'flag archived',
    });
  });

  it('echoes data', () => {
    expect(JSON.parse(echoJson({ a: [1, 'x'] }))).toEqual({ messageType: 'echo', data: { a: [1, 'x'] } });
    expect(echoJson(undefined)).toBe('{"messageType":"echo","data":null}');
  });

  describe('parseSdkMessage', () => {
    it('lower-cases the message type and keeps data', () => {
      expect(parseSdkMessage('{"messageType":"Data-Sync","data":{"timestamp":0}}')).toEqual({
        type: 'data-sync',
        data: { timestamp: 0 },
      });
      expect(parseSdkMessage('{"messageType":"ping","data":null}')).toEqual({ type: 'ping', data: null });
    });

    it.each([
      ['not json'],
      ['[]'],
      ['"ping"'],
      ['{"messageType":"ping"}'],
      ['{"data":{}}'],
      ['{"messageType":1,"data":{}}'],
      ['null'],
    ])('ignores %s', (text) => {
      expect(parseSdkMessage(text)).toBeNull();
    });

    it('ignores a message nested deeper than MAX_JSON_DEPTH, so that echoing it cannot overflow the stack', () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      expect(parseSdkMessage(`{"messageType":"echo","data":${deep}}`)).toBeNull();
      const atBound = '['.repeat(MAX_JSON_DEPTH - 1) + ']'.repeat(MAX_JSON_DEPTH - 1);
      const message = parseSdkMessage(`{"messageType":"echo","data":${atBound}}`);
      expect(message).not.toBeNull();
      expect(() => echoJson(message?.data)).not.toThrow();
    });
  });

  describe('dataSyncTimestamp', () => {
    it('reads like TryGetInt64', () => {
      expect(dataSyncTimestamp({})).toBe(0);
      expect(dataSyncTimestamp({ timestamp: 1712755780494 })).toBe(1712755780494);
      expect(dataSyncTimestamp({ timestamp: 1.5 })).toBe(0);
      expect(dataSyncTimestamp({ timestamp: null })).toBeNull();
      expect(dataSyncTimestamp({ timestamp: '5' })).toBeNull();
      expect(dataSyncTimestamp(null)).toBeNull();
      expect(dataSyncTimestamp([])).toBeNull();
    });
  });
});
