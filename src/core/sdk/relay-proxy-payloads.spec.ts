import {
  parseRpSyncData,
  parseRpSyncRequest,
  RP_FULL_SYNC_REQUEST,
  rpPatchSyncRequestJson,
  rpPayloadJson,
  rpSyncJson,
} from './relay-proxy-payloads';

const ENV = '4f1c1c1c-0000-4000-8000-000000000001';
const secret = { type: 'server' as const, projectKey: 'webapp', envId: ENV, envKey: 'dev', value: 's1' };

describe('relay-proxy payloads (FeatBit DataSyncTests snapshots)', () => {
  it('builds rp_full with FeatBit’s item and secret field order', () => {
    const json = rpSyncJson('rp_full', [
      { envId: ENV, secrets: [secret], flagJsons: ['{"id":"f"}'], segmentJsons: ['{"id":"s"}'] },
    ]);
    const message = JSON.parse(json);
    expect(message).toEqual({
      messageType: 'data-sync',
      data: {
        eventType: 'rp_full',
        items: [{ envId: ENV, secrets: [secret], featureFlags: [{ id: 'f' }], segments: [{ id: 's' }] }],
      },
    });
    expect(Object.keys(message.data.items[0])).toEqual(['envId', 'secrets', 'featureFlags', 'segments']);
    expect(Object.keys(message.data.items[0].secrets[0])).toEqual([
      'type',
      'projectKey',
      'envId',
      'envKey',
      'value',
    ]);
    expect(JSON.parse(rpPayloadJson('rp_patch', []))).toEqual({ eventType: 'rp_patch', items: [] });
  });

  it('reads agent requests: 0 is full, otherwise cursors per environment; bad ones are ignored', () => {
    expect(parseRpSyncRequest(JSON.parse(RP_FULL_SYNC_REQUEST).data)).toEqual({ kind: 'full' });
    expect(parseRpSyncRequest({})).toEqual({ kind: 'full' });
    expect(parseRpSyncRequest({ timestamp: 'x' })).toBeNull();
    expect(parseRpSyncRequest(null)).toBeNull();
    const patch = parseRpSyncRequest(
      JSON.parse(rpPatchSyncRequestJson(9, new Map([[ENV.toUpperCase(), 7]]))).data,
    );
    expect(patch).toEqual({ kind: 'patch', timestamp: 9, envs: new Map([[ENV, 7]]) });
    const messy = parseRpSyncRequest({
      timestamp: 9,
      envs: [null, 1, { envId: 3 }, { envId: 'e', timestamp: -1 }],
    });
    expect(messy).toEqual({ kind: 'patch', timestamp: 9, envs: new Map() });
  });

  it('reads received payloads for an agent: rp items and plain server patches', () => {
    const full = JSON.parse(
      rpSyncJson('rp_full', [{ envId: ENV, secrets: [secret], flagJsons: [], segmentJsons: [] }]),
    );
    expect(parseRpSyncData(full.data)).toEqual({
      eventType: 'rp_full',
      items: [{ envId: ENV, secrets: [secret], featureFlags: [], segments: [] }],
    });
    expect(parseRpSyncData({ eventType: 'patch', featureFlags: [{ id: 'f' }], segments: [] })).toEqual({
      eventType: 'patch',
      featureFlags: [{ id: 'f' }],
      segments: [],
    });
    expect(parseRpSyncData({ eventType: 'rp_patch', items: [{ envId: 1 }] })).toBeNull();
    expect(parseRpSyncData('x')).toBeNull();
  });
});
