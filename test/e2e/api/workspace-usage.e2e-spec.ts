import { randomUUID } from 'node:crypto';
import { type ManagementClient, signIn } from '../support/management-client';
import { startProduct, type RunningProduct } from '../support/product';

// The workspace usage page end to end: an SDK posts /api/public/insight/track, the evaluation role
// publishes one usage record per request, the analytics role folds it into the counters, and
// GET /api/v1/workspaces/usages reads them (FeatBit's WorkspaceUsageVm).

interface WorkspaceUsage {
  summary: {
    uniqueUsers: number;
    totalFlagEvaluations: number;
    totalCustomMetrics: number;
    prevUniqueUsers: number;
    prevFlagEvaluations: number;
    prevCustomMetrics: number;
  };
  dailyTrend: { date: string; newUsers: number; flagEvaluations: number; customMetrics: number }[];
  environmentUsages: {
    orgName: string;
    projectName: string;
    envName: string;
    envId: string;
    uniqueUsers: number;
    flagEvaluations: number;
    customMetrics: number;
  }[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('workspace usage from insight requests', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let envId: string;
  let serverSecret: string;

  const track = async (items: unknown[]) => {
    const res = await fetch(`${product.baseUrl}/api/public/insight/track`, {
      method: 'POST',
      headers: { authorization: serverSecret, 'content-type': 'application/json' },
      body: JSON.stringify(items),
    });
    expect(res.status).toBe(200);
  };
  const flagItem = (keyId: string) => ({
    user: { keyId, name: keyId },
    variations: [
      { featureFlagKey: 'f', variation: { id: randomUUID(), value: 'true' }, sendToExperiment: false },
    ],
  });
  const metricItem = (keyId: string) => ({
    user: { keyId },
    metrics: [{ route: '/', type: 'CustomEvent', eventName: 'paid', numericValue: 1, appType: 'x' }],
  });
  // The range reaches a day either side, so a run across midnight UTC still counts everything.
  const query = `startDate=${day(-1)}&endDate=${day(1)}&prevStartDate=${day(-4)}&prevEndDate=${day(-2)}`;
  const usages = () => api.ok<WorkspaceUsage>('GET', `/workspaces/usages?${query}`);

  async function waitFor(check: (u: WorkspaceUsage) => boolean): Promise<WorkspaceUsage> {
    let last: WorkspaceUsage | null = null;
    for (let i = 0; i < 150; i++) {
      last = await usages();
      if (check(last)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`usage not recorded: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    product = await startProduct();
    api = await signIn(product.baseUrl);
    const env = await api.environment('dev');
    envId = env.id;
    serverSecret = env.secrets.find((s) => s.type === 'server')!.value;
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('lists every environment of the workspace with zero usage before any request', async () => {
    const usage = await usages();
    expect(usage.summary).toEqual({
      uniqueUsers: 0,
      totalFlagEvaluations: 0,
      totalCustomMetrics: 0,
      prevUniqueUsers: 0,
      prevFlagEvaluations: 0,
      prevCustomMetrics: 0,
    });
    expect(usage.dailyTrend).toEqual([]);
    expect(usage.environmentUsages.map((e) => e.envName).sort()).toEqual(['Dev', 'Prod']);
    expect(usage.environmentUsages.every((e) => e.projectName === 'default' && e.orgName !== '')).toBe(true);
  });

  it('counts users once per month, flag evaluations and custom metrics per request', async () => {
    await track([flagItem('alice'), flagItem('bob'), flagItem('alice'), metricItem('carol')]);
    await track([flagItem('alice'), metricItem('bob'), metricItem('dave')]);
    const usage = await waitFor(
      (u) => u.summary.totalFlagEvaluations === 4 && u.summary.totalCustomMetrics === 3,
    );
    expect(usage.summary).toMatchObject({ uniqueUsers: 4, prevUniqueUsers: 0, prevFlagEvaluations: 0 });
    expect(usage.dailyTrend).toEqual([{ date: day(0), newUsers: 4, flagEvaluations: 4, customMetrics: 3 }]);
    expect(usage.environmentUsages[0]).toMatchObject({
      envId,
      envName: 'Dev',
      uniqueUsers: 4,
      flagEvaluations: 4,
      customMetrics: 3,
    });
    expect(usage.environmentUsages[1]).toMatchObject({ envName: 'Prod', uniqueUsers: 0, flagEvaluations: 0 });
  }, 60_000);

  it('answers 400 naming the field for a bad date, a range that runs backwards or is too long', async () => {
    const bad = async (q: string, field: string) => {
      const { status, body } = await api.call('GET', `/workspaces/usages?${q}`);
      expect([status, JSON.stringify(body)]).toEqual([400, expect.stringContaining(field)]);
    };
    const prev = `prevStartDate=${day(-4)}&prevEndDate=${day(-2)}`;
    await bad(`startDate=2026-02-30&endDate=${day(0)}&${prev}`, 'startDate');
    await bad(`startDate=${day(0)}&${prev}`, 'endDate');
    await bad(`startDate=${day(0)}&endDate=${day(-1)}&${prev}`, 'endDate');
    await bad(`startDate=2024-01-01&endDate=2025-01-01&${prev}`, 'endDate');
    await bad(
      `startDate=${day(0)}&endDate=${day(0)}&prevStartDate=${day(-2)}&prevEndDate=${day(-4)}`,
      'prevEndDate',
    );
    expect(
      (await api.call('GET', `/workspaces/usages?startDate=2024-01-01&endDate=2024-12-31&${prev}`)).status,
    ).toBe(200);
  });

  it('answers 401 without credentials', async () => {
    expect((await fetch(`${product.baseUrl}/api/v1/workspaces/usages?${query}`)).status).toBe(401);
  });
});
