import { randomUUID } from 'node:crypto';
import { AnalyticsStore } from '../../../src/core/ports/analytics-store.port';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';

jest.setTimeout(120_000);

// Issue 18: FeatBit's metric and experiment routes, their bad inputs, IAM, and results computed
// from stored events with FeatBit's defects fixed (a user counted once in the variation first
// served, metric events before exposure ignored, the start time never taken from the client).

describe('experiments API', () => {
  let api: ApiApp;
  let envId: string;
  let otherEnvId: string;
  let adminId: string;
  let flag: { id: string; key: string; variations: { id: string; name: string }[] };
  const base = () => `/api/v1/envs/${envId}`;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    otherEnvId = await api.envId('prod');
    adminId = (await api.get('/api/v1/user/profile')).body.data.id;
    flag = (await api.post(`${base()}/feature-flags`, boolFlag('checkout-button'))).body.data;
  });
  afterAll(() => api?.close());

  const metricBody = (extra: Record<string, unknown> = {}) => ({
    name: 'Checkout completed',
    description: 'Orders placed',
    maintainerUserId: adminId,
    eventName: 'checkout-completed',
    eventType: 1,
    customEventTrackOption: 1,
    customEventSuccessCriteria: 1,
    ...extra,
  });

  async function createMetric(extra: Record<string, unknown> = {}, env = envId) {
    const res = await api.post(`/api/v1/envs/${env}/experiment-metrics`, metricBody(extra));
    expect(res.status).toBe(200);
    return res.body.data as { id: string; name: string; maintainerEmail: string; isArvhived: boolean };
  }

  it('creates, lists (by name and type, latest first), updates and archives metrics', async () => {
    const conversion = await createMetric({ name: 'Signup conversion' });
    expect(conversion.maintainerEmail).toMatch(/@/);
    expect(conversion.isArvhived).toBe(false);
    const pageView = await createMetric({ name: 'Pricing page seen', eventType: 2, eventName: 'pricing' });
    const list = await api.get(`${base()}/experiment-metrics?metricName=SIGNUP&pageIndex=0&pageSize=10`);
    expect(list.body.data.items.map((m: { id: string }) => m.id)).toEqual([conversion.id]);
    const byType = await api.get(`${base()}/experiment-metrics?eventType=2`);
    expect(byType.body.data.items.map((m: { id: string }) => m.id)).toEqual([pageView.id]);
    const updated = await api.put(
      `${base()}/experiment-metrics/${conversion.id}`,
      metricBody({ name: 'Signups' }),
    );
    expect(updated.body.data.name).toBe('Signups');
    expect((await api.put(`${base()}/experiment-metrics/${pageView.id}/archive`)).body.data).toBe(true);
    const after = await api.get(`${base()}/experiment-metrics?pageSize=100`);
    expect(after.body.data.items.some((m: { id: string }) => m.id === pageView.id)).toBe(false);
  });

  it('refuses bad metrics with the field named, writing nothing', async () => {
    const before = (await api.get(`${base()}/experiment-metrics?pageSize=100`)).body.data.totalCount;
    for (const [body, field] of [
      [metricBody({ name: '' }), 'name'],
      [metricBody({ eventType: 7 }), 'eventType'],
      [metricBody({ eventName: undefined }), 'eventName'],
      [metricBody({ maintainerUserId: randomUUID() }), 'maintainerUserId'],
    ] as const) {
      const res = await api.post(`${base()}/experiment-metrics`, body);
      expect(res.status).toBe(400);
      expect(res.raw).toContain(field);
    }
    expect((await api.get(`${base()}/experiment-metrics?pageSize=100`)).body.data.totalCount).toBe(before);
  });

  it('creates an experiment once per flag and metric, and refuses bad ones', async () => {
    const metric = await createMetric({ name: 'Once' });
    const body = {
      featureFlagId: flag.id,
      metricId: metric.id,
      baseLineVariationId: flag.variations[0].id,
      alpha: 0.1,
    };
    const first = await api.post(`${base()}/experiments`, body);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ status: 'NotStarted', alpha: 0.1, method: 'fixed' });
    // FeatBit answers a new, unsaved object here; this answers the existing experiment.
    const again = await api.post(`${base()}/experiments`, body);
    expect(again.body.data.id).toBe(first.body.data.id);

    const foreignMetric = await createMetric({ name: 'Elsewhere' }, otherEnvId);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...body, baseLineVariationId: 'not-a-variation' }, 'baseLineVariationId'],
      [{ ...body, metricId: foreignMetric.id }, 'metricId'],
      [{ ...body, alpha: 0 }, 'alpha'],
      [{ ...body, alpha: 1 }, 'alpha'],
      [{ ...body, method: 'peeking' }, 'method'],
    ];
    for (const [input, field] of bad) {
      const res = await api.post(`${base()}/experiments`, input);
      expect(res.status).toBe(400);
      expect(res.raw).toContain(field);
    }
    // The metric is in use: it cannot be archived.
    const archive = await api.put(`${base()}/experiment-metrics/${metric.id}/archive`);
    expect(archive.status).toBe(422);
    expect(archive.body.errors).toContain('MetricIsBeingUsedByExperiment');
  });

  it('runs the lifecycle: start, results, stop, remove data, archive; an archived experiment cannot start', async () => {
    const metric = await createMetric({ name: 'Lifecycle', eventName: 'lifecycle-goal' });
    const created = await api.post(`${base()}/experiments`, {
      featureFlagId: flag.id,
      metricId: metric.id,
      baseLineVariationId: flag.variations[0].id,
      method: 'sequential',
    });
    const id = created.body.data.id as string;
    const started = await api.post(`${base()}/experiments/${id}`);
    expect(started.status).toBe(200);
    const iteration = started.body.data as { id: string; startTime: string; eventName: string };
    expect(iteration.eventName).toBe('lifecycle-goal');

    // Events: u1 exposed to A then B (counts once, in A); u2 converts before exposure (does not
    // count) and again after (counts); u3 exposed with sendToExperiment false (not in the experiment).
    const t0 = Date.parse(iteration.startTime) * 1000 + 1_000;
    const [a, b] = flag.variations.map((v) => v.id);
    const events: InsightEvent[] = [
      exposure('u1', a, t0),
      exposure('u1', b, t0 + 10),
      metricEvent('u1', 'lifecycle-goal', t0 + 20),
      metricEvent('u2', 'lifecycle-goal', t0 + 5),
      exposure('u2', b, t0 + 30),
      metricEvent('u2', 'lifecycle-goal', t0 + 40),
      exposure('u3', a, t0 + 50, false),
      metricEvent('u3', 'lifecycle-goal', t0 + 60),
      exposure('u4', b, t0 + 70),
    ];
    await api.app.get(AnalyticsStore).writeEvents(events);
    // FeatBit would take this start time (and flag, event) from the client; they are ignored here.
    const results = await api.put(`${base()}/experiments/iteration-results`, [
      {
        exptId: id,
        iterationId: iteration.id,
        startTime: 0,
        flagExptId: 'x',
        eventName: 'other',
        eventType: 3,
      },
    ]);
    expect(results.status).toBe(200);
    const [r] = results.body.data as {
      isUpdated: boolean;
      results: { variationId: string; uniqueUsers: number; conversion: number }[];
    }[];
    expect(r.isUpdated).toBe(true);
    const byVariation = Object.fromEntries(
      r.results.map((x) => [x.variationId, [x.uniqueUsers, x.conversion]]),
    );
    expect(byVariation).toEqual({ [a]: [1, 1], [b]: [2, 1] });

    expect((await api.get(`${base()}/experiments/status-count`)).body.data).toEqual(
      expect.arrayContaining([{ status: 'Recording', count: 1 }]),
    );
    expect((await api.put(`${base()}/experiments/${id}`)).body.data).toBe(true);
    const listed = await api.get(`${base()}/experiments?featureFlagId=${flag.id}&pageSize=-1`);
    const view = listed.body.data.items.find((e: { id: string }) => e.id === id);
    expect(view.status).toBe('Paused');
    expect(view.iterations[0]).toMatchObject({ isFinish: true });
    expect(view.iterations[0].endTime).not.toBeNull();
    expect(view.iterations[0].results).toHaveLength(2);

    const refs = await api.get(
      `${base()}/experiments/variation-experiment-references?flagId=${flag.id}&variationId=${a}`,
    );
    expect(refs.body.data.map((e: { id: string }) => e.id)).toContain(id);

    expect((await api.delete(`${base()}/experiments/${id}/iterations`)).body.data).toBe(true);
    const cleared = (
      await api.get(`${base()}/experiments?featureFlagId=${flag.id}&pageSize=-1`)
    ).body.data.items.find((e: { id: string }) => e.id === id);
    expect(cleared).toMatchObject({ status: 'NotStarted', iterations: [] });

    expect((await api.delete(`${base()}/experiments/${id}`)).body.data).toBe(true);
    const restart = await api.post(`${base()}/experiments/${id}`);
    expect(restart.status).toBe(422);
    expect(restart.body.errors).toContain('ExperimentIsArchived');
  });

  it('checks IAM: a reader may read results but not change experiments', async () => {
    const key = 'expt-reader';
    const policy = (await api.post('/api/v1/policies', { name: key, key })).body.data;
    await api.put(`/api/v1/policies/${policy.id}/statements`, [
      { resourceType: 'project', effect: 'allow', actions: ['CanAccessProject'], resources: ['project/*'] },
      { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
    ]);
    const added = await api.post('/api/v1/members/add', {
      email: 'expt-reader@example.com',
      policyIds: [policy.id],
    });
    const reader = await api.fork().loginAs('expt-reader@example.com', added.body.data.initialPassword);
    expect((await reader.get(`${base()}/experiments`)).status).toBe(200);
    expect((await reader.get(`${base()}/experiment-metrics`)).status).toBe(200);
    const refused = await reader.post(`${base()}/experiment-metrics`, metricBody({ name: 'Nope' }));
    expect(refused.status).toBe(403);
  });

  function exposure(user: string, variationId: string, ts: number, send = true): InsightEvent {
    return {
      uuid: randomUUID(),
      distinctId: `${envId}-${flag.key}`,
      envId,
      event: 'FlagValue',
      properties: JSON.stringify({ tag_0: user, tag_1: variationId, tag_2: String(send), tag_3: user }),
      timestamp: ts,
    };
  }

  function metricEvent(user: string, name: string, ts: number, value = 1): InsightEvent {
    return {
      uuid: randomUUID(),
      distinctId: name,
      envId,
      event: 'CustomEvent',
      properties: JSON.stringify({ tag_0: user, tag_1: String(value), tag_2: user }),
      timestamp: ts,
    };
  }
});

// PGlite runs one statement at a time, so creates cannot race there; a pool of PostgreSQL
// connections lets sixteen of them read "no experiment yet" before any inserts, and only the
// unique index (uq_experiments_active_slot) keeps one.
describe('experiments API on PostgreSQL', () => {
  let database: TestDatabase;
  let api: ApiApp;

  beforeAll(async () => {
    database = await createTestDatabase('expt_race');
    api = await ApiApp.start({
      env: { DB_PROVIDER: 'postgres', POSTGRES_URL: database.url, JWT_SECRET: randomUUID() + randomUUID() },
    });
    await api.loginAsAdmin();
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('answers concurrent creates of the same flag and metric with one experiment', async () => {
    const base = `/api/v1/envs/${await api.envId('dev')}`;
    const adminId = (await api.get('/api/v1/user/profile')).body.data.id as string;
    const flag = (await api.post(`${base}/feature-flags`, boolFlag('raced-button'))).body.data as {
      id: string;
      variations: { id: string }[];
    };
    const metric = await api.post(`${base}/experiment-metrics`, {
      name: 'Raced',
      maintainerUserId: adminId,
      eventName: 'raced',
      eventType: 1,
      customEventTrackOption: 1,
      customEventSuccessCriteria: 1,
    });
    expect(metric.status).toBe(200);
    const body = {
      featureFlagId: flag.id,
      metricId: metric.body.data.id,
      baseLineVariationId: flag.variations[0].id,
    };
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => api.post(`${base}/experiments`, body)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(16).fill(200));
    const ids = new Set(answers.map((a) => (a.body.data as { id: string }).id));
    expect(ids.size).toBe(1);
    const listed = await api.get(`${base}/experiments?featureFlagId=${flag.id}&pageSize=-1`);
    expect((listed.body.data.items as { id: string }[]).map((e) => e.id)).toEqual([...ids]);
  });
});
