import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

jest.setTimeout(120_000);

// Issue 19, flag lifecycle (beyond FeatBit): each flag's status from its history and its SDK
// evaluations, the list filter, and the audited "permanent" mark. Flags are made old by rewriting
// their stored dates through the app's DataStore, and "evaluated long ago" by recording flag usage
// there; "evaluated now" goes through the real insight path (POST /api/public/insight/track).

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();

interface Lifecycle {
  status: string;
  since: string | null;
  reason: string;
}
interface ListItem {
  key: string;
  isPermanent: boolean;
  lifecycle: Lifecycle;
}

describe('flag lifecycle API', () => {
  let api: ApiApp;
  let envId: string;
  let serverSecret: string;
  const base = () => `/api/v1/envs/${envId}/feature-flags`;

  const list = async (query = '') => {
    const res = await api.get(`${base()}?pageIndex=0&pageSize=50${query}`);
    expect(res.status).toBe(200);
    return res.body.data as { totalCount: number; items: ListItem[] };
  };
  const statusOf = async (key: string) => (await list()).items.find((f) => f.key === key)!.lifecycle.status;

  /** Rewrites the stored dates (created_at is never updated in place: delete and re-create). */
  async function age(key: string, createdDaysAgo: number, updatedDaysAgo: number): Promise<void> {
    const flag = (await api.store.flags.findByKey(envId, key))!;
    await api.store.flags.delete(flag.id);
    const aged: FeatureFlag = {
      ...flag,
      createdAt: daysAgo(createdDaysAgo),
      updatedAt: daysAgo(updatedDaysAgo),
    };
    await api.store.flags.create(aged);
  }

  const recordUsage = (key: string, lastDaysAgo: number) =>
    api.store.flagUsage.record([
      { envId, flagKey: key, firstMs: Date.now() - 60 * DAY, lastMs: Date.now() - lastDaysAgo * DAY },
    ]);

  /** An SDK reports an evaluation of `key` now, as the official SDKs do. */
  async function evaluateNow(key: string): Promise<void> {
    const res = await api.post(
      '/api/public/insight/track',
      [
        {
          user: { keyId: 'lifecycle-user', name: 'lifecycle-user' },
          variations: [
            {
              featureFlagKey: key,
              variation: { id: randomUUID(), value: 'false' },
              sendToExperiment: false,
              timestamp: Date.now(),
            },
          ],
        },
      ],
      { token: null, headers: { authorization: serverSecret } },
    );
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const env = (await api.defaultProject()).environments.find((e) => e.key === 'dev')!;
    envId = env.id;
    serverSecret = (env.secrets as { type: string; value: string }[]).find((s) => s.type === 'server')!.value;
    for (const key of ['lc-new', 'lc-inactive', 'lc-stale', 'lc-launched', 'lc-active', 'lc-permanent']) {
      expect((await api.post(base(), boolFlag(key))).status).toBe(200);
    }
    await age('lc-inactive', 30, 30);
    await age('lc-stale', 30, 30);
    await recordUsage('lc-stale', 10);
    await age('lc-launched', 30, 8);
    await age('lc-active', 30, 1);
    await recordUsage('lc-active', 0);
    await age('lc-permanent', 30, 30);
    await evaluateNow('lc-launched');
    await waitFor(async () => (await statusOf('lc-launched')) === 'launched', 10_000);
  });
  afterAll(() => api?.close());

  it('gives every flag of the list its status, with since and a reason', async () => {
    const items = new Map((await list()).items.map((f) => [f.key, f]));
    expect(items.get('lc-new')!.lifecycle).toMatchObject({
      status: 'new',
      reason: 'Created less than 7 days ago',
    });
    expect(items.get('lc-inactive')!.lifecycle).toMatchObject({
      status: 'inactive',
      reason: 'Never evaluated by an SDK',
    });
    expect(items.get('lc-stale')!.lifecycle).toMatchObject({
      status: 'inactive',
      reason: 'Not evaluated by an SDK for 10 days',
    });
    const launched = items.get('lc-launched')!.lifecycle;
    expect(launched.status).toBe('launched');
    expect(launched.reason).toContain('"Off" to everyone (off)');
    expect(Date.parse(launched.since!)).toBeLessThanOrEqual(Date.now() - 8 * DAY + 60_000);
    expect(items.get('lc-active')!.lifecycle.status).toBe('active');
    expect(items.get('lc-permanent')!).toMatchObject({
      isPermanent: false,
      lifecycle: { status: 'inactive' },
    });
  });

  it('carries the status on the flag detail too', async () => {
    const res = await api.get(`${base()}/lc-launched`);
    expect(res.body.data).toMatchObject({
      key: 'lc-launched',
      isPermanent: false,
      lifecycle: { status: 'launched' },
    });
  });

  it('filters by a comma list of statuses before paging', async () => {
    const both = await list('&lifecycle=launched,inactive');
    expect(both.totalCount).toBe(4);
    expect(both.items.map((f) => f.key).sort()).toEqual([
      'lc-inactive',
      'lc-launched',
      'lc-permanent',
      'lc-stale',
    ]);
    const second = await api.get(`${base()}?pageIndex=1&pageSize=1&lifecycle=launched&lifecycle=new`);
    expect(second.body.data.totalCount).toBe(2);
    expect(second.body.data.items).toHaveLength(1);
    expect((await list('&lifecycle=active')).items.map((f) => f.key)).toEqual(['lc-active']);
    // Other filters still apply.
    expect((await list('&lifecycle=inactive&name=stale')).items.map((f) => f.key)).toEqual(['lc-stale']);
  });

  it('answers 400 naming lifecycle for an unknown status', async () => {
    const res = await api.get(`${base()}?lifecycle=launched,obsolete`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lifecycle');
  });

  it('marks a flag permanent through an audited change, and unmarks it', async () => {
    const flagId = (await api.store.flags.findByKey(envId, 'lc-permanent'))!.id;
    const res = await api.put(`${base()}/lc-permanent/permanent`, {
      isPermanent: true,
      comment: 'kill switch, stays',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expect.any(String));
    const marked = (await list('&lifecycle=permanent')).items;
    expect(marked.map((f) => f.key)).toEqual(['lc-permanent']);
    expect(marked[0]).toMatchObject({ isPermanent: true, lifecycle: { status: 'permanent' } });
    expect((await api.get(`${base()}/lc-permanent`)).body.data.revision).toBe(res.body.data);

    const audit = (await api.get(`/api/v1/envs/${envId}/audit-logs?refId=${flagId}&pageSize=20`)).body.data
      .items as { comment: string }[];
    expect(audit.map((a) => a.comment)).toContain('kill switch, stays');

    expect((await api.put(`${base()}/lc-permanent/permanent`, { isPermanent: false })).status).toBe(200);
    // The change itself is recent: the flag is not launched, and still never evaluated.
    expect(await statusOf('lc-permanent')).toBe('inactive');
    expect((await api.put(`${base()}/lc-permanent/permanent`, { isPermanent: 'yes' })).status).toBe(400);
  });

  it('keeps the mark out of what SDKs receive', async () => {
    await api.put(`${base()}/lc-permanent/permanent`, { isPermanent: true });
    const res = await api.get('/api/public/sdk/server/latest-all', {
      token: null,
      headers: { authorization: serverSecret },
    });
    expect(res.status).toBe(200);
    expect(res.raw).toContain('lc-permanent');
    expect(res.raw).not.toContain('isPermanent');
  });

  it('refuses the mark to a caller who may only read the environment', async () => {
    const token = await api.post('/api/v1/access-tokens', {
      name: 'lifecycle-viewer',
      type: 'Service',
      permissions: [
        { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
      ],
    });
    const viewer = token.body.data.token as string;
    expect((await api.get(`${base()}?lifecycle=new`, { token: viewer })).status).toBe(200);
    const refused = await api.put(`${base()}/lc-new/permanent`, { isPermanent: true }, { token: viewer });
    expect(refused.status).toBe(403);
    expect((await api.get(`${base()}/lc-new`)).body.data.isPermanent).toBe(false);
  });
});
