import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { WireSegment } from '../../core/segments/segment';
import { clientSyncHead } from '../../core/sdk/sdk-payloads';
import { framePayload } from '../streaming/text-frame';
import { pushFlagChange, pushSegmentChange } from './change-fanout';
import { type EnvConnection, EnvironmentState } from './environment-state';

const ENV = 'env-1';

function flag(key: string, updatedAt: string, extra: Partial<FeatureFlag> = {}): FeatureFlag {
  return {
    id: `id-${key}`,
    envId: ENV,
    revision: 'r',
    name: key,
    description: '',
    key,
    variationType: 'boolean',
    variations: [
      { id: 'on', name: 'On', value: 'true' },
      { id: 'off', name: 'Off', value: 'false' },
    ],
    targetUsers: [{ keyIds: ['vip'], variationId: 'on' }],
    rules: [],
    isEnabled: true,
    disabledVariationId: 'off',
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: 'off', rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: 'c',
    updatorId: 'u',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt,
    ...extra,
  };
}

function segment(id: string, updatedAt: string, included: string[]): WireSegment {
  return {
    id,
    envId: ENV,
    name: id,
    key: id,
    description: '',
    included,
    excluded: [],
    rules: [],
    tags: [],
    isArchived: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt,
  };
}

const inSegment = (segmentId: string): Partial<FeatureFlag> => ({
  rules: [
    {
      id: 'r1',
      name: 'members',
      dispatchKey: null,
      includedInExpt: false,
      conditions: [{ property: 'User is in segment', op: null, value: JSON.stringify([segmentId]) }],
      variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
    },
  ],
});

class Recorder implements EnvConnection {
  readonly sent: unknown[] = [];
  userKeyJson = '""';
  constructor(
    readonly kind: 'server' | 'client',
    readonly user: { keyId: string } | null = null,
    readonly synced = true,
  ) {
    if (user) this.userKeyJson = JSON.stringify(user.keyId);
  }
  send(payload: Buffer | string): void {
    this.sent.push(JSON.parse(payload.toString()));
  }
  clientPatchHead(): Buffer {
    return Buffer.from(clientSyncHead('patch', this.userKeyJson));
  }
  /** Frames are decoded as a client would: the recorded message is the frame's payload. */
  sendFrame(frame: Buffer): void {
    expect(frame[0]).toBe(0x81);
    this.sent.push(JSON.parse(framePayload(frame).toString()));
  }
  close(): void {
    this.sent.push('closed');
  }
}

const T1 = '2024-04-10T10:00:00.000Z';
const T2 = '2024-04-10T11:00:00.000Z';
const T3 = '2024-04-10T12:00:00.5555555Z';
const ms = (iso: string) => Date.parse(iso);

function newState(): EnvironmentState {
  const state = new EnvironmentState(
    ENV,
    { envId: ENV, workspaceId: 'w', envResourceName: 'organization/o:project/p:env/e' },
    {},
    () => undefined,
    0,
  );
  state.load([flag('a', T1), flag('b', T2, inSegment('s1'))], [segment('s1', T1, ['member'])]);
  return state;
}

describe('EnvironmentState', () => {
  it('serves one full server payload per version (the same bytes) and patches strictly after a cursor', () => {
    const state = newState();
    const full = state.serverSync(0)!;
    expect(state.serverSync(0)).toBe(full);
    const parsed = JSON.parse(full.toString());
    expect(parsed.data.eventType).toBe('full');
    expect(parsed.data.featureFlags.map((f: FeatureFlag) => f.key)).toEqual(['a', 'b']);
    expect(parsed.data.segments.map((s: WireSegment) => s.id)).toEqual(['s1']);

    const patch = JSON.parse(state.serverSync(ms(T1))!.toString());
    expect(patch.data).toEqual({
      eventType: 'patch',
      featureFlags: [expect.objectContaining({ key: 'b' })],
      segments: [],
    });
    expect(state.serverSync(ms(T2))).toBeNull();

    state.upsertFlag(flag('a', T3));
    expect(state.serverSync(0)).not.toBe(full);
    // Sub-millisecond digits are truncated: T3 = ...12:00:00.555
    expect(
      JSON.parse(state.serverSync(ms('2024-04-10T12:00:00.554Z'))!.toString()).data.featureFlags,
    ).toHaveLength(1);
    expect(state.serverSync(ms('2024-04-10T12:00:00.555Z'))).toBeNull();
  });

  it('keeps the compressed forms of the full server payload with it, for that version only', async () => {
    const state = newState();
    const body = state.serverSyncBody(0)!;
    expect(state.serverSyncBody(0)).toBe(body);
    expect(body.plain).toBe(state.serverSync(0));
    const gzipped = await body.encode('gzip');
    expect(state.serverSyncBody(0)!.ready('gzip')).toBe(gzipped);
    state.upsertFlag(flag('a', T3));
    const next = state.serverSyncBody(0)!;
    expect(next).not.toBe(body);
    expect(next.ready('gzip')).toBeUndefined();
  });

  it('leaves archived flags out of full syncs and keeps them in patches', () => {
    const state = newState();
    state.upsertFlag(flag('a', T3, { isArchived: true, revision: 'archived' }));
    const full = JSON.parse(state.serverSync(0)!.toString());
    expect(full.data.featureFlags.map((f: FeatureFlag) => f.key)).toEqual(['b']);
    const patch = JSON.parse(state.serverSync(ms(T2))!.toString());
    expect(patch.data.featureFlags).toEqual([expect.objectContaining({ key: 'a', isArchived: true })]);
    const client = JSON.parse(state.clientSync({ keyId: 'u' }, '"u"', 'sig-u', 0)!);
    expect(client.data.featureFlags.map((f: { id: string }) => f.id)).toEqual(['b']);
    const clientPatch = JSON.parse(state.clientSync({ keyId: 'u' }, '"u"', 'sig-u', ms(T2))!);
    expect(clientPatch.data.featureFlags.map((f: { id: string }) => f.id)).toEqual(['a']);
  });

  it('ignores stale and identical flag versions', () => {
    const state = newState();
    const version = state.version;
    expect(state.upsertFlag(flag('b', T1))).toBeNull();
    expect(state.upsertFlag(flag('b', T2, inSegment('s1')))).toBeNull();
    expect(state.version).toBe(version);
    // Same version read back with its keys in another order (as the database returns it): no change.
    const reordered = Object.fromEntries(
      Object.entries(flag('b', T2, inSegment('s1'))).reverse(),
    ) as FeatureFlag;
    expect(state.upsertFlag(reordered)).toBeNull();
    expect(state.upsertFlag(flag('b', T2, { isEnabled: false, revision: 'r2' }))).not.toBeNull();
  });

  it('evaluates client payloads per user with FeatBit items', () => {
    const state = newState();
    const payload = JSON.parse(state.clientSync({ keyId: 'member' }, '"member"', 'sig-member', 0)!);
    expect(payload.data.eventType).toBe('full');
    expect(payload.data.userKeyId).toBe('member');
    const byKey = Object.fromEntries(payload.data.featureFlags.map((f: { id: string }) => [f.id, f]));
    expect(byKey.a).toMatchObject({ variation: 'false', matchReason: 'default', timestamp: ms(T1) });
    expect(byKey.b).toMatchObject({ variation: 'true', matchReason: 'members', variationId: 'on' });
    const vip = JSON.parse(state.clientSync({ keyId: 'vip' }, '"vip"', 'sig-vip', 0)!);
    expect(vip.data.featureFlags[0]).toMatchObject({ id: 'a', variation: 'true', matchReason: 'targeted' });
    expect(state.clientSync({ keyId: 'vip' }, '"vip"', 'sig-vip', ms(T2))).toBeNull();
  });

  it('gives flags the version of a newer referenced segment so client patches pick segment changes up', () => {
    const state = newState();
    state.upsertSegment(segment('s1', T3, []));
    const patch = JSON.parse(state.clientSync({ keyId: 'member' }, '"member"', 'sig', ms(T2))!);
    expect(patch.data.featureFlags).toEqual([
      expect.objectContaining({ id: 'b', variation: 'false', matchReason: 'default', timestamp: ms(T3) }),
    ]);
  });

  it('pushes a flag change as one shared server patch and a per-user client evaluation', () => {
    const state = newState();
    const server1 = new Recorder('server');
    const server2 = new Recorder('server');
    const vip = new Recorder('client', { keyId: 'vip' });
    const noUserYet = new Recorder('client', null, false);
    const notSyncedYet = new Recorder('server', null, false);
    [server1, server2, notSyncedYet].forEach((c) => state.servers.add(c));
    [vip, noUserYet].forEach((c) => state.clients.add(c));

    const entry = state.upsertFlag(flag('a', T3, { isEnabled: false }))!;
    expect(pushFlagChange(state, entry)).toBe(3);
    expect(server1.sent).toEqual([
      {
        messageType: 'data-sync',
        data: {
          eventType: 'patch',
          featureFlags: [expect.objectContaining({ key: 'a', isEnabled: false })],
          segments: [],
        },
      },
    ]);
    expect(server2.sent).toEqual(server1.sent);
    expect(vip.sent).toEqual([
      {
        messageType: 'data-sync',
        data: {
          eventType: 'patch',
          userKeyId: 'vip',
          featureFlags: [
            expect.objectContaining({ id: 'a', variation: 'false', matchReason: 'flag disabled' }),
          ],
        },
      },
    ]);
    expect(noUserYet.sent).toEqual([]);
    // Its first data-sync reply will carry the change: a push first would confuse SDKs.
    expect(notSyncedYet.sent).toEqual([]);
  });

  it('pushes a segment change: the segment to servers, the referencing flags re-evaluated to clients', () => {
    const state = newState();
    const server = new Recorder('server');
    const member = new Recorder('client', { keyId: 'member' });
    state.servers.add(server);
    state.clients.add(member);
    const entry = state.upsertSegment(segment('s1', T3, []))!;
    pushSegmentChange(state, entry, state.flagsUsingSegment('s1'));
    expect(server.sent).toEqual([
      {
        messageType: 'data-sync',
        data: {
          eventType: 'patch',
          featureFlags: [],
          segments: [expect.objectContaining({ id: 's1', included: [] })],
        },
      },
    ]);
    expect(member.sent).toEqual([
      {
        messageType: 'data-sync',
        data: {
          eventType: 'patch',
          userKeyId: 'member',
          featureFlags: [expect.objectContaining({ id: 'b', variation: 'false', timestamp: ms(T3) })],
        },
      },
    ]);
  });

  it('pushes several affected flags in one client message, byte for byte what a sync would carry', () => {
    const state = newState();
    state.upsertFlag(flag('c', T2, inSegment('s1')));
    const key = 'mem"ber-ü';
    const client = new Recorder('client', { keyId: key });
    state.clients.add(client);
    const entry = state.upsertSegment(segment('s1', T3, [key]))!;
    pushSegmentChange(state, entry, state.flagsUsingSegment('s1'));
    expect(client.sent).toHaveLength(1);
    const pushed = client.sent[0] as { data: { userKeyId: string; featureFlags: { id: string }[] } };
    expect(pushed.data.userKeyId).toBe(key);
    expect(pushed.data.featureFlags.map((f) => f.id).sort()).toEqual(['b', 'c']);
    const synced = JSON.parse(state.clientSync({ keyId: key }, JSON.stringify(key), 'sig', 0)!);
    for (const item of pushed.data.featureFlags) {
      expect(item).toEqual(synced.data.featureFlags.find((f: { id: string }) => f.id === item.id));
      expect(item).toEqual(expect.objectContaining({ variation: 'true', timestamp: ms(T3) }));
    }
  });

  it('keeps evaluating the other flags when one flag is malformed', () => {
    const state = newState();
    state.upsertFlag(flag('broken', T2, { fallthrough: null as unknown as FeatureFlag['fallthrough'] }));
    const payload = JSON.parse(state.clientSync({ keyId: 'x' }, '"x"', 'sig-x', 0)!);
    const byKey = Object.fromEntries(payload.data.featureFlags.map((f: { id: string }) => [f.id, f]));
    expect(byKey.a.variation).toBe('false');
    expect(byKey.broken).toMatchObject({ variation: null, variationId: null });
  });
});
