import type { Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import { eventually, screenshot } from './support/console-browser';

// The flag Insights tab and the workspace Usage page against the real product: insight events sent
// through the SDK intake route show in the summary, the chart's data and the end-user table, and
// later events appear without a reload (the tab refreshes every 3 s).

jest.setTimeout(180_000);

interface Usage {
  summary: { uniqueUsers: number; totalFlagEvaluations: number };
}

describe('console: flag insights and workspace usage', () => {
  let s: ConsoleSession;
  let page: Page;
  const on = { id: 'insight-on', name: 'On', value: 'true' };
  const off = { id: 'insight-off', name: 'Off', value: 'false' };

  /** One SDK insight request: each [keyId, name, variation] evaluated once, now. */
  async function track(evaluations: [string, string | undefined, typeof on][]): Promise<void> {
    const body = evaluations.map(([keyId, name, variation]) => ({
      user: { keyId, ...(name ? { name } : {}), customizedProperties: [] },
      variations: [
        {
          featureFlagKey: 'insight-flag',
          variation: { id: variation.id, value: variation.value },
          sendToExperiment: false,
          timestamp: Date.now(),
        },
      ],
    }));
    const res = await fetch(`${s.product.baseUrl}/api/public/insight/track`, {
      method: 'POST',
      headers: { authorization: s.env.serverSecret, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  }

  const summary = () => page.getByTestId('insights-summary').innerText();
  /** The chart's numbers, from its text alternative: one row per bucket, the last column is Total. */
  const chartTotals = () =>
    page
      .getByTestId('chart-data')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild?.textContent?.trim() ?? 0)));
  const userRows = () =>
    page
      .getByTestId('flag-users')
      .locator('tbody tr.mat-mdc-row')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '').slice(0, 3)),
      );

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name: 'Insight flag',
      key: 'insight-flag',
      description: '',
      isEnabled: true,
      variationType: 'boolean',
      variations: [on, off],
      enabledVariationId: on.id,
      disabledVariationId: off.id,
      tags: [],
    });
  });

  afterEach(async () => {
    await screenshot(
      page,
      `last/${(expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-')}`,
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows evaluations per variation, the users who evaluated, and new evaluations without a reload', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags/insight-flag/insights`);
    await page.getByTestId('insights-empty').waitFor();

    await track([
      ['alice', 'Alice', on],
      ['alice', 'Alice', on],
      ['bob', 'Bob', on],
      ['carol', undefined, off],
    ]);
    await eventually(summary, (text) => expect(text).toBe('On: 3 | Off: 1 | Total: 4'));
    await eventually(chartTotals, (totals) => expect(totals.reduce((a, b) => a + b, 0)).toBe(4));
    await eventually(userRows, (rows) =>
      expect(rows.sort()).toEqual([
        ['alice', 'Alice', 'On'],
        ['bob', 'Bob', 'On'],
        ['carol', '--', 'Off'],
      ]),
    );

    // Unique users instead of evaluations.
    await page.getByTestId('insights-metric').getByText('Unique users').click();
    await eventually(summary, (text) => expect(text).toBe('On: 2 | Off: 1 | Total: 3'));
    await page.getByTestId('insights-metric').getByText('Evaluations').click();

    // The search box filters the table.
    await page.getByTestId('flag-users-search').fill('ALI');
    await eventually(userRows, (rows) => expect(rows).toEqual([['alice', 'Alice', 'On']]));
    await page.getByTestId('flag-users-search').fill('');

    // New evaluations appear within 5 s, without a reload.
    const sent = Date.now();
    await track([
      ['dave', 'Dave', on],
      ['dave', 'Dave', on],
    ]);
    await eventually(summary, (text) => expect(text).toBe('On: 5 | Off: 1 | Total: 6'), 5_000);
    expect(Date.now() - sent).toBeLessThan(5_000);
    await eventually(userRows, (rows) =>
      expect(rows.map((r) => r[0]).sort()).toEqual(['alice', 'bob', 'carol', 'dave']),
    );
    await screenshot(page, '09-flag-insights', true);
  });

  it('shows the workspace usage: totals against the previous period and per environment', async () => {
    // Usage counters are folded asynchronously: wait until the API has them, then read the page.
    await eventually(
      () => {
        const today = new Date().toISOString().slice(0, 10);
        return s.api.ok<Usage>(
          'GET',
          `/workspaces/usages?startDate=${today}&endDate=${today}&prevStartDate=2000-01-01&prevEndDate=2000-01-01`,
        );
      },
      (usage) => expect(usage.summary.totalFlagEvaluations).toBe(6),
    );
    await page.goto(`${s.product.baseUrl}/settings/usage`);
    const kpi = (id: string) => page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').innerText();
    await eventually(
      () => kpi('evaluations'),
      (text) => expect(text).toBe('6'),
    );
    expect(await kpi('users')).toBe('4');
    expect(await kpi('metrics')).toBe('0');
    expect(await page.getByTestId('kpi-evaluations').getByTestId('kpi-change').innerText()).toContain('new');
    // One row per environment: the events went to the console's environment, none to the other.
    const envRows = await page
      .getByTestId('usage-envs')
      .locator('tbody tr.mat-mdc-row')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
    expect(envRows.map((r) => [r[2] === s.otherEnv.name ? 'other' : 'this', ...r.slice(3)]).sort()).toEqual([
      ['other', '0', '0', '0'],
      ['this', '4', '6', '0'],
    ]);
    await screenshot(page, '10-usage', true);
  });
});
