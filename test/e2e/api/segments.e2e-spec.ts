jest.setTimeout(60_000);
import { randomUUID } from 'node:crypto';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

describe('segments (e2e, in-process)', () => {
  let api: ApiApp;
  let devId: string;
  let prodId: string;
  let seg: string;
  const messages: {
    segment: { id: string; envId: string; included: string[] };
    affectedFlagIds: string[];
  }[] = [];

  beforeAll(async () => {
    api = await ApiApp.start({ cacheEnabled: true });
    await api.loginAsAdmin();
    devId = await api.envId('dev');
    prodId = await api.envId('prod');
    seg = `/api/v1/envs/${devId}/segments`;
    await api.bus.subscribe(TOPICS.segmentChange, (m) => {
      messages.push(m.payload as (typeof messages)[number]);
    });
  });
  afterAll(() => api.close());

  async function createSegment(body: Record<string, unknown>) {
    const res = await api.post(seg, body);
    expect(res.status).toBe(200);
    return res.body.data as { id: string; updatedAt: string; key: string };
  }

  it('creates an environment-specific segment, refuses duplicate keys', async () => {
    const created = await createSegment({ name: 'Beta users', key: 'beta', description: 'early' });
    expect(created).toMatchObject({
      key: 'beta',
      type: 'environment-specific',
      envId: devId,
      included: [],
      rules: [],
    });
    const dup = await api.post(seg, { name: 'Again', key: 'beta' });
    expect(dup.status).toBe(422);
    expect(dup.body.errors).toEqual(['KeyHasBeenUsed']);
    expect((await api.get(`${seg}/is-key-used?key=beta`)).body.data).toBe(true);
    expect((await api.post(seg, { name: 'x', key: 'bad key' })).body.errors).toEqual(['key_is_invalid']);
  });

  it('updates targeting, bumps referencing flags and publishes a message with the affected flags', async () => {
    const segment = (await api.get(`${seg}?name=beta`)).body.data.items[0];
    const flagRes = await api.post(
      `/api/v1/envs/${devId}/feature-flags`,
      boolFlag('uses-beta', { isEnabled: true }),
    );
    const flag = flagRes.body.data;
    const targeting = {
      targetUsers: [],
      rules: [
        {
          name: 'in beta',
          dispatchKey: null,
          includedInExpt: true,
          conditions: [{ property: 'User is in segment', op: null, value: JSON.stringify([segment.id]) }],
          variations: [{ id: flag.variations[0].id, rollout: [0, 1], exptRollout: 1 }],
        },
      ],
      fallthrough: flag.fallthrough,
      exptIncludeAllTargets: true,
    };
    const t = await api.put(`/api/v1/envs/${devId}/feature-flags/uses-beta/targeting`, {
      targeting,
      revision: flag.revision,
    });
    expect(t.status).toBe(200);
    const flagBefore = (await api.get(`/api/v1/envs/${devId}/feature-flags/uses-beta`)).body.data;

    const res = await api.put(`${seg}/${segment.id}/targeting`, {
      included: ['alice', 'bob'],
      excluded: ['mallory'],
      rules: [{ name: 'pro plan', conditions: [{ property: 'plan', op: 'Equal', value: 'pro' }] }],
      comment: 'first users',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.included).toEqual(['alice', 'bob']);
    const flagAfter = (await api.get(`/api/v1/envs/${devId}/feature-flags/uses-beta`)).body.data;
    expect(flagAfter.revision).not.toBe(flagBefore.revision);
    expect(Date.parse(flagAfter.updatedAt)).toBeGreaterThan(Date.parse(flagBefore.updatedAt));
    await waitFor(() => messages.some((m) => m.segment.id === segment.id && m.segment.included.length === 2));
    const message = messages.find((m) => m.segment.id === segment.id && m.segment.included.length === 2)!;
    expect(message).toEqual({
      segment: expect.objectContaining({ envId: devId }),
      affectedFlagIds: [flag.id],
    });
    expect(message.segment).not.toHaveProperty('scopes');
    expect(api.cache.segments.get(`${devId}/${segment.id}`)?.included).toEqual(['alice', 'bob']);

    const evaluated = await api.post(`/api/v1/envs/${devId}/feature-flags/uses-beta/evaluate`, {
      user: { keyId: 'alice' },
    });
    expect(evaluated.body.data.reason).toBe('in beta');
  });

  it('refuses segment conditions and unknown operators in segment rules', async () => {
    const segment = (await api.get(`${seg}?name=beta`)).body.data.items[0];
    const nested = await api.put(`${seg}/${segment.id}/targeting`, {
      included: [],
      excluded: [],
      rules: [{ name: 'r', conditions: [{ property: 'User is in segment', op: null, value: '[]' }] }],
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual(['rules_is_invalid']);
    const unknown = await api.put(`${seg}/${segment.id}/targeting`, {
      included: [],
      excluded: [],
      rules: [{ name: 'r', conditions: [{ property: 'x', op: 'Nope', value: '1' }] }],
    });
    expect(unknown.status).toBe(400);
  });

  it('refuses to archive a segment in use and lists the referencing flags', async () => {
    const segment = (await api.get(`${seg}?name=beta`)).body.data.items[0];
    const refs = await api.get(`${seg}/${segment.id}/flag-references`);
    expect(refs.body.data).toEqual([expect.objectContaining({ key: 'uses-beta', envId: devId })]);
    const res = await api.put(`${seg}/${segment.id}/archive`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(['SegmentIsBeingUsed']);
    expect(res.body.data).toEqual([expect.objectContaining({ key: 'uses-beta' })]);
    const notArchived = await api.delete(`${seg}/${segment.id}`);
    expect(notArchived.status).toBe(422);
    expect(notArchived.body.errors).toEqual(['CannotDeleteUnArchivedSegment']);
  });

  it('archives, restores and deletes an unused segment', async () => {
    const s = await createSegment({ name: 'Temp', key: 'temp', tags: ['t1'] });
    expect((await api.get(`${seg}/all-tags`)).body.data).toEqual(['t1']);
    expect((await api.put(`${seg}/${s.id}/name`, { name: 'Temporary' })).body.data.name).toBe('Temporary');
    expect((await api.put(`${seg}/${s.id}/description`, { description: 'd' })).status).toBe(200);
    expect((await api.put(`${seg}/${s.id}/archive`, {})).body.data.isArchived).toBe(true);
    expect(
      (await api.get(`${seg}?isArchived=true`)).body.data.items.map((i: { key: string }) => i.key),
    ).toEqual(['temp']);
    expect((await api.put(`${seg}/${s.id}/restore`, {})).body.data.isArchived).toBe(false);
    await api.put(`${seg}/${s.id}/archive`, {});
    expect((await api.delete(`${seg}/${s.id}`)).status).toBe(200);
    expect((await api.get(`${seg}/${s.id}`)).status).toBe(404);
  });

  it('shares a segment across environments of the organization and publishes once per environment', async () => {
    const org = (await api.get('/api/v1/organizations')).body.data[0];
    const outside = await api.post(seg, {
      type: 'shared',
      name: 'Bad',
      key: 'bad-shared',
      scopes: ['organization/elsewhere'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual(['scopes_is_invalid']);
    const shared = await createSegment({
      type: 'shared',
      name: 'Everyone VIP',
      key: 'vip',
      scopes: [`organization/${org.key}:project/default`],
    });
    expect((await api.get(`/api/v1/envs/${prodId}/segments/${shared.id}`)).status).toBe(200);
    const before = messages.length;
    await api.put(`${seg}/${shared.id}/targeting`, { included: ['vip-1'], excluded: [], rules: [] });
    await waitFor(() => messages.slice(before).filter((m) => m.segment.id === shared.id).length === 2);
    const envs = messages
      .slice(before)
      .filter((m) => m.segment.id === shared.id)
      .map((m) => m.segment.envId)
      .sort();
    expect(envs).toEqual([devId, prodId].sort());
    expect((await api.get(`/api/v1/envs/${prodId}/segments/by-ids?ids=${shared.id}`)).body.data).toHaveLength(
      1,
    );
  });

  it('detects concurrent edits and hides segments of other environments', async () => {
    const s = await createSegment({ name: 'Race', key: 'race' });
    expect((await api.get(`/api/v1/envs/${prodId}/segments/${s.id}`)).status).toBe(404);
    expect((await api.get(`${seg}/${randomUUID()}`)).status).toBe(404);
  });
});
