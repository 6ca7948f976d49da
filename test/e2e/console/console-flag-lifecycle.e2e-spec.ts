import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { signIn } from '../support/management-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { type RunningProduct, startProduct, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../support/product';
import { ensureConsoleBuilt } from './support/console-build';
import {
  eventually,
  expectSnack,
  newContext,
  screenshot,
  signInThroughForm,
} from './support/console-browser';
import { TenantClient } from './support/console-session';

// Flag lifecycle in the console (issue 19, beyond FeatBit): a badge per flag in the list with the
// reason as tooltip, the lifecycle filter, and the "Permanent flag" switch of the flag detail. The
// product runs on its own PostgreSQL database so the suite can make flags old (created_at,
// updated_at) and evaluated long ago (flag_usage) with SQL; "evaluated now" is a real insight request.

jest.setTimeout(240_000);

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();

describe('console: flag lifecycle', () => {
  let database: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let api: TenantClient;
  let envId: string;
  let serverSecret: string;

  const sql = async (text: string, params: unknown[]) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(text, params);
    } finally {
      await client.end();
    }
  };
  const age = (key: string, created: number, updated: number) =>
    sql('UPDATE feature_flags SET created_at = $1, updated_at = $2 WHERE env_id = $3 AND key = $4', [
      daysAgo(created),
      daysAgo(updated),
      envId,
      key,
    ]);

  async function createFlag(key: string, name: string): Promise<void> {
    await api.ok('POST', `/envs/${envId}/feature-flags`, {
      name,
      key,
      description: '',
      isEnabled: false,
      variationType: 'boolean',
      variations: [
        { id: `${key}-on`, name: 'On', value: 'true' },
        { id: `${key}-off`, name: 'Off', value: 'false' },
      ],
      enabledVariationId: `${key}-on`,
      disabledVariationId: `${key}-off`,
      tags: [],
    });
  }

  async function evaluateNow(key: string): Promise<void> {
    const res = await fetch(`${product.baseUrl}/api/public/insight/track`, {
      method: 'POST',
      headers: { authorization: serverSecret, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          user: { keyId: 'lifecycle-user' },
          variations: [
            { featureFlagKey: key, variation: { id: `${key}-off`, value: 'false' }, sendToExperiment: false },
          ],
        },
      ]),
    });
    expect(res.status).toBe(200);
  }

  const badge = (key: string) => page.getByTestId(`lifecycle-${key}`);
  /** Opens the lifecycle filter (its floating label covers the select's centre while empty). */
  const openFilter = async () => {
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.locator('mat-form-field.lifecycle').click();
    await page.getByRole('listbox').waitFor();
  };
  const listedKeys = () =>
    page.locator('tr[data-flag]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flag')));

  beforeAll(async () => {
    ensureConsoleBuilt();
    database = await createTestDatabase('console_lifecycle');
    product = await startProduct({
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: database.url,
        MQ_PROVIDER: 'postgres',
        JWT_SECRET: 'console-lifecycle-e2e-secret-of-at-least-32-chars',
      },
    });
    const client = await signIn(product.baseUrl);
    const workspaces = await client.ok<{ id: string }[]>('GET', '/user/workspaces');
    api = new TenantClient(client, workspaces[0].id);
    api.organizationId = (await api.ok<{ id: string }[]>('GET', '/organizations'))[0].id;
    const projects = await api.ok<
      { environments: { id: string; secrets: { type: string; value: string }[] }[] }[]
    >('GET', '/projects');
    const env = projects[0].environments[0];
    envId = env.id;
    serverSecret = env.secrets.find((s) => s.type === 'server')!.value;

    await createFlag('beta-banner', 'Beta banner');
    await createFlag('old-search', 'Old search');
    await createFlag('new-checkout', 'New checkout');
    await createFlag('pricing-test', 'Pricing test');
    await createFlag('maintenance-mode', 'Maintenance mode');
    await age('old-search', 40, 40);
    await age('new-checkout', 30, 10);
    await age('pricing-test', 30, 1);
    await age('maintenance-mode', 60, 60);
    await evaluateNow('new-checkout');
    await evaluateNow('pricing-test');
    await eventually(
      () =>
        api.ok<{ items: { key: string; lifecycle: { status: string } }[] }>(
          'GET',
          `/envs/${envId}/feature-flags?lifecycle=launched,active`,
        ),
      (page) => expect(page.items.map((f) => f.key).sort()).toEqual(['new-checkout', 'pricing-test']),
    );

    browser = await launchChromium();
    page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
  });

  afterEach(async () => {
    await screenshot(
      page,
      `last/${(expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-')}`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await database?.drop();
  });

  it('shows a lifecycle badge on every flag, with the reason as tooltip', async () => {
    await page.goto(`${product.baseUrl}/feature-flags`);
    await badge('beta-banner').waitFor();
    const statuses = Object.fromEntries(
      await Promise.all(
        ['beta-banner', 'old-search', 'new-checkout', 'pricing-test', 'maintenance-mode'].map(
          async (key) => [key, await badge(key).getAttribute('data-status')] as const,
        ),
      ),
    );
    expect(statuses).toEqual({
      'beta-banner': 'new',
      'old-search': 'inactive',
      'new-checkout': 'launched',
      'pricing-test': 'active',
      'maintenance-mode': 'inactive',
    });
    expect(await badge('new-checkout').innerText()).toBe('Launched');
    await badge('new-checkout').hover();
    await eventually(
      () => page.locator('.mat-mdc-tooltip').innerText(),
      (text) => expect(text).toContain('Serves "Off" to everyone (off)'),
    );
  });

  it('marks a flag permanent from its detail page', async () => {
    await page.goto(`${product.baseUrl}/feature-flags/maintenance-mode/targeting`);
    await page.getByTestId('flag-lifecycle').waitFor();
    expect(await page.getByTestId('flag-lifecycle').getAttribute('data-status')).toBe('inactive');
    await page.getByTestId('flag-permanent-toggle').locator('button').click();
    await expectSnack(page, '“Maintenance mode” is now permanent');
    await eventually(
      () => page.getByTestId('flag-lifecycle').getAttribute('data-status'),
      (status) => expect(status).toBe('permanent'),
    );
    expect(
      await page.getByTestId('flag-permanent-toggle').locator('button').getAttribute('aria-checked'),
    ).toBe('true');
    const flag = await api.ok<{ isPermanent: boolean }>(
      'GET',
      `/envs/${envId}/feature-flags/maintenance-mode`,
    );
    expect(flag.isPermanent).toBe(true);
  });

  it('filters the list by lifecycle status', async () => {
    await page.goto(`${product.baseUrl}/feature-flags`);
    await badge('beta-banner').waitFor();
    await openFilter();
    await page.getByTestId('lifecycle-option-launched').click();
    await page.getByTestId('lifecycle-option-inactive').click();
    await page.keyboard.press('Escape');
    await eventually(listedKeys, (keys) => expect([...keys].sort()).toEqual(['new-checkout', 'old-search']));
    await openFilter();
    await page.getByTestId('lifecycle-option-launched').click();
    await page.getByTestId('lifecycle-option-inactive').click();
    await page.getByTestId('lifecycle-option-permanent').click();
    await page.keyboard.press('Escape');
    await eventually(listedKeys, (keys) => expect(keys).toEqual(['maintenance-mode']));
    await openFilter();
    await page.getByTestId('lifecycle-option-permanent').click();
    await page.keyboard.press('Escape');
    await eventually(listedKeys, (keys) => expect(keys).toHaveLength(5));
    await screenshot(page, 'flag-lifecycle');
  });
});
