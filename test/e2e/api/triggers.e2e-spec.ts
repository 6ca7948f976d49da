import { createHash } from 'node:crypto';
import { TRIGGER_RUNS_PER_TOKEN } from '../../../src/api/triggers/trigger-rate-limiter';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

jest.setTimeout(120_000);

// Issue 19, flag triggers: FeatBit's triggers routes; the token is answered once and stored as a
// SHA-256 hash; a run toggles the flag as the system with an audit entry; each management write
// is audited (FlagTrigger, never the token or its hash); disabled, reset and unknown tokens answer
// 404; runs are rate limited (429 with Retry-After).

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface TriggerView {
  id: string;
  targetId: string;
  action: string;
  token: string;
  description: string;
  isEnabled: boolean;
  triggeredTimes: number;
  lastTriggeredAt: string | null;
}

describe('flag triggers API', () => {
  let api: ApiApp;
  let envId: string;
  let flag: { id: string; key: string };

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    flag = (await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('kill-switch'))).body.data;
  });
  afterAll(() => api?.close());

  const run = (token: string) => api.post(`/api/v1/triggers/run/${token}`, undefined, { token: null });
  const flagEnabled = async () =>
    (await api.get(`/api/v1/envs/${envId}/feature-flags/${flag.key}`)).body.data.isEnabled as boolean;
  const list = async () => (await api.get(`/api/v1/triggers?targetId=${flag.id}`)).body.data as TriggerView[];

  async function create(action: string, description = ''): Promise<TriggerView> {
    const res = await api.post('/api/v1/triggers', {
      targetId: flag.id,
      type: 'feature-flag-general',
      action,
      description,
    });
    expect(res.status).toBe(200);
    return res.body.data;
  }

  it('answers the token once and stores only its hash', async () => {
    const created = await create('turn-on', 'Shown once');
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ isEnabled: true, triggeredTimes: 0, lastTriggeredAt: null });
    expect(created).not.toHaveProperty('tokenHash');
    const listed = (await list()).find((t) => t.id === created.id)!;
    expect(listed.token).not.toContain(created.token.slice(0, 5));
    expect(listed.token).toMatch(/^\*+$/);
    expect(JSON.stringify(await list())).not.toContain(created.token);
    const stored = await api.store.triggers.findById(created.id);
    expect(stored!.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(await api.delete(`/api/v1/triggers/${created.id}`)).toMatchObject({ status: 200 });
  });

  it('turns the flag on and off with audit entries, counts and the last time', async () => {
    const on = await create('turn-on', 'Alert resolved');
    const off = await create('turn-off', 'Error rate alert');
    expect(await flagEnabled()).toBe(false);
    const before = Date.now();
    expect(await run(on.token)).toMatchObject({ status: 200, body: { success: true, data: true } });
    expect(await flagEnabled()).toBe(true);
    expect(await run(off.token)).toMatchObject({ status: 200, body: { data: true } });
    expect(await flagEnabled()).toBe(false);
    // Already off: nothing changes and nothing is counted (as FeatBit).
    expect((await run(off.token)).status).toBe(200);
    const [offView, onView] = [off, on].map((t) => list().then((all) => all.find((x) => x.id === t.id)!));
    expect(await offView).toMatchObject({ triggeredTimes: 1 });
    expect(await onView).toMatchObject({ triggeredTimes: 1 });
    expect(Date.parse((await offView).lastTriggeredAt!)).toBeGreaterThanOrEqual(before - 1000);
    const audit = (await api.get(`/api/v1/envs/${envId}/audit-logs?refId=${flag.id}&pageSize=20`)).body.data
      .items as { comment: string; creatorId: string }[];
    const comments = audit.map((a) => a.comment);
    expect(comments).toContain(`Turn off by trigger ${off.id} "Error rate alert"`);
    expect(comments).toContain(`Turn on by trigger ${on.id} "Alert resolved"`);
    expect(audit.find((a) => a.comment.includes(off.id))!.creatorId).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
    // Newest first.
    expect((await list()).slice(0, 2).map((t) => t.id)).toEqual([off.id, on.id]);
  });

  it('answers 404 for a disabled trigger and for the old token after a reset', async () => {
    const trigger = await create('turn-on');
    expect(await api.put(`/api/v1/triggers/${trigger.id}`, { isEnabled: false })).toMatchObject({
      status: 200,
      body: { data: true },
    });
    expect((await run(trigger.token)).status).toBe(404);
    await api.put(`/api/v1/triggers/${trigger.id}`, { isEnabled: true, description: 'Re-enabled' });
    expect((await list()).find((t) => t.id === trigger.id)).toMatchObject({
      isEnabled: true,
      description: 'Re-enabled',
    });
    const reset = await api.put(`/api/v1/triggers/${trigger.id}/reset-token`);
    expect(reset.status).toBe(200);
    const fresh = reset.body.data as string;
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(trigger.token);
    expect((await run(trigger.token)).status).toBe(404);
    expect((await run(fresh)).status).toBe(200);
    expect(await flagEnabled()).toBe(true);
    await api.delete(`/api/v1/triggers/${trigger.id}`);
    expect((await run(fresh)).status).toBe(404);
  });

  it('audits each management write once as FlagTrigger, without the token or its hash', async () => {
    interface Entry {
      refType: string;
      operation: string;
      keyword: string;
      envId: string;
      dataChange: { previous: string; current: string };
    }
    const entries = async (id: string) =>
      (await api.get(`/api/v1/envs/${envId}/audit-logs?refId=${id}&pageSize=20`)).body.data.items as Entry[];
    const trigger = await create('turn-off', 'Audited');
    expect(await entries(trigger.id)).toHaveLength(1);
    expect((await api.put(`/api/v1/triggers/${trigger.id}`, { isEnabled: false })).status).toBe(200);
    const reset = await api.put(`/api/v1/triggers/${trigger.id}/reset-token`);
    expect(reset.status).toBe(200);
    // Failed writes leave no entry: a bad body, and a caller without ToggleFlag.
    expect((await api.put(`/api/v1/triggers/${trigger.id}`, { isEnabled: 'yes' })).status).toBe(400);
    const reader = await api.post('/api/v1/access-tokens', {
      name: 'audit-reader',
      type: 'Service',
      permissions: [
        { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
      ],
    });
    const readerToken = reader.body.data.token as string;
    expect((await api.delete(`/api/v1/triggers/${trigger.id}`, { token: readerToken })).status).toBe(403);
    expect(await entries(trigger.id)).toHaveLength(3);
    const hashes = [sha256(trigger.token), sha256(reset.body.data as string)];
    expect((await api.delete(`/api/v1/triggers/${trigger.id}`)).status).toBe(200);
    const all = await entries(trigger.id);
    // Newest first.
    expect(all.map((e) => [e.refType, e.operation, e.envId])).toEqual([
      ['FlagTrigger', 'Remove', envId],
      ['FlagTrigger', 'Update', envId],
      ['FlagTrigger', 'Update', envId],
      ['FlagTrigger', 'Create', envId],
    ]);
    expect(all[3].keyword).toBe(`${flag.key},${flag.key},Audited`);
    const recorded = JSON.stringify(all);
    for (const secret of [...hashes, trigger.token, reset.body.data as string]) {
      expect(recorded).not.toContain(secret);
    }
    expect(recorded).not.toContain('tokenHash');
  });

  it('refuses bad input with the field, and unknown ids and tokens with 404', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await api.post('/api/v1/triggers', {
        targetId: flag.id,
        type: 'feature-flag-general',
        action: 'turn-on',
        ...body,
      });
      expect(res.status).toBe(400);
      return (res.body.details as { field: string }[]).map((d) => d.field);
    };
    expect(await bad({ action: 'explode' })).toEqual(['action']);
    expect(await bad({ type: 'segment' })).toEqual(['type']);
    expect(await bad({ description: 'x'.repeat(1025) })).toEqual(['description']);
    expect(
      (await api.put(`/api/v1/triggers/${flag.id}`, { description: 'x'.repeat(1025) })).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await api.get('/api/v1/triggers')).status).toBe(400);
    const unknownFlag = await api.post('/api/v1/triggers', {
      targetId: '00000000-0000-4000-8000-000000000009',
      type: 'feature-flag-general',
      action: 'turn-on',
    });
    expect(unknownFlag.status).toBe(404);
    expect((await api.put('/api/v1/triggers/00000000-0000-4000-8000-000000000009/reset-token')).status).toBe(
      404,
    );
    const unknown = await run('A'.repeat(43));
    expect(unknown).toMatchObject({ status: 404, body: { success: false, errors: ['ResourceNotFound'] } });
    expect((await run('not-a-token')).status).toBe(404);
  });

  it('rate limits runs per token (429 with Retry-After)', async () => {
    const trigger = await create('turn-on');
    const statuses: number[] = [];
    for (let i = 0; i < TRIGGER_RUNS_PER_TOKEN; i++) statuses.push((await run(trigger.token)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await run(trigger.token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate limits unknown tokens per address', async () => {
    let limited = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await run(`${'B'.repeat(40)}${String(i).padStart(3, '0')}`);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(404);
    }
    if (!limited) throw new Error('no 429 within 40 unknown tokens');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('needs ToggleFlag to manage triggers and CanAccessEnv to list them', async () => {
    const trigger = await create('turn-off');
    const token = await api.post('/api/v1/access-tokens', {
      name: 'readonly-triggers',
      type: 'Service',
      permissions: [
        { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
      ],
    });
    expect(token.status).toBe(200);
    const reader = token.body.data.token as string;
    expect((await api.get(`/api/v1/triggers?targetId=${flag.id}`, { token: reader })).status).toBe(200);
    const create403 = await api.post(
      '/api/v1/triggers',
      { targetId: flag.id, type: 'feature-flag-general', action: 'turn-on' },
      { token: reader },
    );
    expect(create403.status).toBe(403);
    expect(
      (await api.put(`/api/v1/triggers/${trigger.id}/reset-token`, undefined, { token: reader })).status,
    ).toBe(403);
    expect((await api.delete(`/api/v1/triggers/${trigger.id}`, { token: reader })).status).toBe(403);
  });
});
