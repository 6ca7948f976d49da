import { FbClientBuilder, UserBuilder } from '@featbit/node-server-sdk';
import type { Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import { eventually, screenshot } from './support/console-browser';

// The experiments console against the real product (issue 18): a metric and an experiment are
// created through the UI and started; the official node SDK serves the flag to 4,000 users and sends
// the conversions, and the flag's Experimentation tab shows exactly those users and conversions per
// variation and the true lift inside the interval, then the Bayesian view.

jest.setTimeout(240_000);

const USERS = 4000;

interface Variation {
  id: string;
  name: string;
  value: string;
}

describe('console: experiments', () => {
  let s: ConsoleSession;
  let page: Page;
  const control = { id: 'expt-control', name: 'Control', value: 'false' };
  const treatment = { id: 'expt-treatment', name: 'Treatment', value: 'true' };

  /** The results table as {variation name: "conversions / users"}. */
  const resultUsers = () =>
    page
      .getByTestId('experiment-results')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.getAttribute('data-variation') ?? '',
            r.querySelector('[data-testid="result-users"]')?.textContent?.trim() ?? '',
          ]),
        ),
      );

  /** A boolean flag whose default rule splits 50/50, so the sample-ratio check expects equal shares. */
  async function splitFlag(key: string, name: string, off: Variation, on: Variation): Promise<void> {
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name,
      key,
      description: '',
      isEnabled: true,
      variationType: 'boolean',
      variations: [off, on],
      enabledVariationId: on.id,
      disabledVariationId: off.id,
      tags: [],
    });
    const flag = await s.api.ok<{ revision: string }>('GET', `/envs/${s.env.id}/feature-flags/${key}`);
    await s.api.ok('PUT', `/envs/${s.env.id}/feature-flags/${key}/targeting`, {
      revision: flag.revision,
      targeting: {
        targetUsers: [],
        rules: [],
        exptIncludeAllTargets: true,
        fallthrough: {
          dispatchKey: null,
          includedInExpt: true,
          variations: [
            { id: off.id, rollout: [0, 0.5], exptRollout: 1 },
            { id: on.id, rollout: [0.5, 1], exptRollout: 1 },
          ],
        },
      },
    });
  }

  /** The official node SDK against the product, flushing insights every 300 ms. */
  const openSdk = () =>
    new FbClientBuilder()
      .sdkKey(s.env.serverSecret)
      .streamingUri(s.product.wsUrl)
      .eventsUri(s.product.baseUrl)
      .startWaitTime(30_000)
      .flushInterval(300)
      .logLevel('warn')
      .build();

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    await splitFlag('checkout-redesign', 'Checkout redesign', control, treatment);
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

  it('creates a metric and an experiment, starts it and shows the users and conversions per variation', async () => {
    // The metric, through the Metrics page.
    await page.goto(`${s.product.baseUrl}/experiments/metrics`);
    await page.getByTestId('create-metric').click();
    // The drawer focuses its first field once open; typing before that would land in the wrong field.
    await page.locator('[data-testid="metric-name"]:focus').waitFor();
    await page.getByTestId('metric-name').fill('Checkout');
    await page.getByTestId('metric-event').fill('checkout');
    await page.getByTestId('metric-save').click();
    await page.getByTestId('metrics-table').getByText('Custom: Conversion rate').waitFor();

    // The experiment, through the overview's Add drawer (sequential and 95% are the defaults).
    await page.goto(`${s.product.baseUrl}/experiments`);
    await page.getByTestId('add-experiment').click();
    await page.locator('[data-testid="experiment-flag"]:focus').waitFor();
    await page.getByTestId('experiment-flag').fill('Checkout');
    await page.getByRole('option', { name: /Checkout redesign/ }).click();
    await page.getByTestId('experiment-metric').click();
    await page.getByRole('option', { name: /^Checkout/ }).click();
    await page.getByTestId('experiment-save').click();
    const table = page.getByTestId('experiments-table');
    await table.getByText('Custom: Conversion rate').waitFor();
    expect(await page.getByTestId('count-NotStarted').innerText()).toContain('1');

    // Its flag's Experimentation tab: start it.
    await table.getByRole('link', { name: 'Checkout redesign', exact: true }).click();
    await page.getByTestId('experiment-start').click();
    await page.getByTestId('experiment-stop').waitFor();
    expect(await page.getByTestId('experiment-status').innerText()).toBe('In progress');

    // The official node SDK serves the 50/50 flag to 4,000 users; 20% of the control's users and 25%
    // of the treatment's convert (by index), a true relative lift of +25%.
    const sdk = openSdk();
    const expected = { Control: { users: 0, conversions: 0 }, Treatment: { users: 0, conversions: 0 } };
    try {
      await sdk.waitForInitialization();
      for (let i = 0; i < USERS; i++) {
        const user = new UserBuilder(`shopper-${i}`).name(`Shopper ${i}`).build();
        const served = String(await sdk.boolVariation('checkout-redesign', user, false));
        const variation = served === treatment.value ? treatment : control;
        const counts = expected[variation.name as keyof typeof expected];
        counts.users++;
        if (i % (variation === control ? 5 : 4) === 0) {
          counts.conversions++;
          sdk.track(user, 'checkout', 1);
        }
      }
      await sdk.flush();
    } finally {
      await sdk.close();
    }

    await eventually(
      resultUsers,
      (rows) =>
        expect(rows).toEqual({
          Control: `${expected.Control.conversions} / ${expected.Control.users}`,
          Treatment: `${expected.Treatment.conversions} / ${expected.Treatment.users}`,
        }),
      30_000,
    );
    expect(expected.Control.users + expected.Treatment.users).toBe(USERS);
    // The true lift (+25%) lies inside the treatment's interval.
    const interval = await page
      .getByTestId('experiment-results')
      .getByTestId('result-interval')
      .last()
      .innerText();
    const [lo, hi] = (interval.match(/[-+]?[0-9.]+/g) ?? []).map(Number);
    expect(lo).toBeLessThan(25);
    expect(hi).toBeGreaterThan(25);
    await page.getByTestId('lift-chart').waitFor();
    expect(await page.getByTestId('srm-warning').count()).toBe(0);
    await screenshot(page, 'experiment-results', true);

    // The Bayesian view: the treatment's chance to beat the baseline.
    await page.getByTestId('results-view').getByText('Bayesian').click();
    const chance = await page
      .getByTestId('experiment-results')
      .getByTestId('result-chance')
      .last()
      .innerText();
    expect(Number(chance.replace('%', ''))).toBeGreaterThan(50);

    // Back on the overview: one experiment in progress.
    await page.goto(`${s.product.baseUrl}/experiments`);
    await eventually(
      () => page.getByTestId('count-Recording').innerText(),
      (text) => expect(text).toContain('1'),
    );
    await screenshot(page, 'experiments', true);
  });

  it("guards the default rule's split with a metric, shows it watching, and stops it", async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags/checkout-redesign/targeting`);
    const guardrail = page.getByTestId('guardrail');
    // A click on the field opens its select (the label lies over the select's centre).
    await guardrail.locator('mat-form-field', { hasText: 'Guardrail metric' }).click();
    await page.getByRole('option', { name: 'Checkout' }).click();
    await guardrail.locator('mat-form-field', { hasText: 'Baseline variation' }).click();
    await page.getByRole('option', { name: 'Control' }).click();
    await guardrail.getByTestId('guardrail-watch').click();
    await eventually(
      () => guardrail.getByTestId('guardrail-status').innerText(),
      (text) => expect(text).toContain('Checkout: Watching'),
    );
    await guardrail.getByTestId('guardrail-stop').click();
    await eventually(
      () => guardrail.getByTestId('guardrail-status').innerText(),
      (text) => expect(text).toContain('Checkout: Stopped'),
    );
    expect(await guardrail.getByTestId('guardrail-watch').isVisible()).toBe(true);
  });

  it('shows a rollback and its reason once the guard has made the default rule serve the baseline', async () => {
    const [stable, risky] = [
      { id: 'search-stable', name: 'Stable', value: 'false' },
      { id: 'search-risky', name: 'Risky', value: 'true' },
    ];
    await splitFlag('new-search', 'New search', stable, risky);
    const maintainerUserId = (await s.api.ok<{ id: string }>('GET', '/user/profile')).id;
    const metric = await s.api.ok<{ id: string }>('POST', `/envs/${s.env.id}/experiment-metrics`, {
      name: 'Search errors',
      maintainerUserId,
      eventName: 'search-error',
      eventType: 1,
      customEventTrackOption: 1,
      customEventSuccessCriteria: 2, // lower is better
    });
    await s.api.ok('PUT', `/envs/${s.env.id}/feature-flags/new-search/guarded-rollout`, {
      metricId: metric.id,
      baselineVariationId: stable.id,
    });

    // The injected regression: the risky variation errors for 40% of its users, the stable one for 5%.
    const sdk = openSdk();
    try {
      await sdk.waitForInitialization();
      for (let i = 0; i < 1000; i++) {
        const user = new UserBuilder(`searcher-${i}`).build();
        const isRisky = String(await sdk.boolVariation('new-search', user, false)) === risky.value;
        if (i % (isRisky ? 5 : 20) < (isRisky ? 2 : 1)) sdk.track(user, 'search-error', 1);
      }
      await sdk.flush();
    } finally {
      await sdk.close();
    }
    await eventually(
      async () =>
        (
          await s.api.ok<{ guard: { status: string } }[]>(
            'GET',
            `/envs/${s.env.id}/feature-flags/new-search/guarded-rollout`,
          )
        )[0].guard.status,
      (status) => expect(status).toBe('RolledBack'),
      120_000,
    );

    // The default rule no longer splits, and the panel says why.
    await page.goto(`${s.product.baseUrl}/feature-flags/new-search/targeting`);
    const guardrail = page.getByTestId('guardrail');
    await eventually(
      () => guardrail.getByTestId('guardrail-status').innerText(),
      (text) => expect(text).toMatch(/^Search errors: Rolled back — .*Search errors/),
    );
    expect(await guardrail.getByTestId('guardrail-watch').count()).toBe(0);
    expect(await guardrail.getByTestId('guardrail-stop').count()).toBe(0);
  });
});
