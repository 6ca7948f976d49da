import type { Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import { bound, eventually, expectSnack, screenshot } from './support/console-browser';
import { fetchOpenApi, undocumentedCalls } from './support/openapi-routes';
import { type SdkTestPage, startSdkTestPage } from './support/sdk-test-page';

// The flag journeys of the console against the real product on the embedded default: create,
// target with a rule and a 30/70 split, review and save, History, conflicts, list actions, and an
// official JS client SDK on a web page receiving a toggle.

jest.setTimeout(180_000);

interface Rollout {
  id: string;
  rollout: [number, number];
}
interface Flag {
  id: string;
  key: string;
  revision: string;
  isEnabled: boolean;
  variations: { id: string; name: string; value: string }[];
  rules: {
    name: string;
    conditions: { property: string; op: string; value: string }[];
    variations: Rollout[];
  }[];
}

describe('console: feature flags', () => {
  let s: ConsoleSession;
  let page: Page;
  let sdkPage: SdkTestPage;

  const getFlag = (key: string) => s.api.ok<Flag>('GET', `/envs/${s.env.id}/feature-flags/${key}`);
  const snack = (text: string) => expectSnack(page, text);

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    sdkPage = await startSdkTestPage();
  });

  // The last state of every test, to see what a failing journey was looking at.
  afterEach(async () => {
    await screenshot(
      page,
      `last/${(expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-')}`,
    );
  });

  afterAll(async () => {
    await sdkPage?.close();
    await s?.close();
  });

  it('creates a boolean flag from the drawer with a live key check', async () => {
    await page.getByTestId('create-flag').click();
    await (await bound(page.getByTestId('flag-name'))).fill('New checkout');
    // The key follows the name and is checked against the server as you type.
    await page.getByTestId('key-available').waitFor();
    expect(await (await bound(page.getByTestId('flag-key'))).inputValue()).toBe('new-checkout');
    await page.getByTestId('flag-enabled').click();
    await screenshot(page, '03-flag-create-drawer');
    await page.getByTestId('flag-create-submit').click();
    await page.waitForURL((url) => url.pathname === '/feature-flags/new-checkout/targeting');
    await page.getByTestId('flag-title').getByText('New checkout').waitFor();
    const flag = await getFlag('new-checkout');
    expect(flag.isEnabled).toBe(true);
    expect(flag.variations.map((v) => v.value)).toEqual(['true', 'false']);
  });

  it('tells that a key is taken before sending the form', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await page.getByTestId('create-flag').click();
    await (await bound(page.getByTestId('flag-name'))).fill('Another');
    await (await bound(page.getByTestId('flag-key'))).fill('new-checkout');
    await page.getByTestId('flag-key').blur();
    await page.getByText('This key is already used.').waitFor();
    await page.getByTestId('flag-create-submit').click();
    // Still open: nothing was sent.
    await page.getByText('Create a feature flag').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('validates JSON variations in the create drawer before sending', async () => {
    await page.getByTestId('create-flag').click();
    await (await bound(page.getByTestId('flag-name'))).fill('Checkout config');
    await page.getByTestId('variation-type').click();
    await page.getByRole('option', { name: 'JSON' }).click();
    const first = page.getByRole('textbox', { name: 'Value' }).first();
    await first.fill('{"steps": 3,');
    await page
      .getByText(/^Invalid JSON/)
      .first()
      .waitFor();
    await page.getByTestId('flag-create-submit').click();
    await page
      .getByRole('alert')
      .getByText(/Invalid JSON/)
      .waitFor();
    // Nothing was created while the JSON was invalid.
    expect((await s.api.call('GET', `/envs/${s.env.id}/feature-flags/checkout-config`)).status).toBe(404);
    await first.fill('{"steps": 3}');
    await page.getByRole('button', { name: 'Format' }).first().click();
    await eventually(
      () => first.inputValue(),
      (value) => expect(value).toBe('{\n  "steps": 3\n}'),
    );
    await page.getByTestId('flag-create-submit').click();
    await page.waitForURL((url) => url.pathname === '/feature-flags/checkout-config/targeting');
    const flag = await getFlag('checkout-config');
    expect(flag.variations.map((v) => JSON.parse(v.value) as unknown)).toEqual([
      { steps: 3 },
      { enabled: false },
    ]);
  });

  it('adds a rule with a condition and a 30/70 split, reviews the change list and saves', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags/new-checkout/targeting`);
    await page.getByTestId('add-rule').click();
    const rule = page.locator('ff-rule-editor').first();
    await rule.getByTestId('rule-name').fill('Beta countries');
    await rule.getByTestId('add-condition').click();
    await rule.getByTestId('condition-property').fill('country');
    await rule.getByTestId('condition-property').press('Tab');
    await rule.getByTestId('condition-value').fill('NL');
    await rule.getByTestId('condition-value').press('Enter');
    await rule.getByTestId('condition-value').fill('BE');
    await rule.getByTestId('condition-value').press('Enter');
    await rule.getByTestId('serve-split').click();
    await rule.getByTestId('split-On').fill('30');
    await rule.getByTestId('split-Off').fill('60');
    // Parts must add up to 100 before the flag can be saved.
    await rule.getByTestId('split-error').getByText('The percentages add up to 90%, not 100%.').waitFor();
    await rule.getByTestId('split-Off').fill('70');
    await rule.getByTestId('split-error').waitFor({ state: 'detached' });
    await screenshot(page, '04-flag-targeting-rule', true);

    await page.getByTestId('review-save').click();
    const review = page.getByTestId('change-review-list');
    await review
      .getByText(
        'Added rule “Beta countries”: if country is one of NL, BE then serve 30% On (true) · 70% Off (false)',
      )
      .waitFor();
    await (await bound(page.getByTestId('change-comment'))).fill('Start the beta in the Benelux');
    await screenshot(page, '05-flag-review-dialog');
    await page.getByTestId('confirm-save').click();
    await snack('Saved “New checkout”');

    const flag = await getFlag('new-checkout');
    expect(flag.rules).toHaveLength(1);
    expect(flag.rules[0].name).toBe('Beta countries');
    expect(flag.rules[0].conditions).toEqual([
      expect.objectContaining({ property: 'country', op: 'IsOneOf', value: '["NL","BE"]' }),
    ]);
    const on = flag.variations.find((v) => v.value === 'true')!.id;
    const off = flag.variations.find((v) => v.value === 'false')!.id;
    expect(flag.rules[0].variations.map((v) => [v.id, v.rollout])).toEqual([
      [on, [0, 0.3]],
      [off, [0.3, 1]],
    ]);
  });

  it('shows the saved change in History as a readable diff with the comment', async () => {
    await page.getByTestId('history-tab').click();
    const history = page.getByTestId('history-list');
    await history.getByText('Added rule “Beta countries”', { exact: false }).waitFor();
    await history.getByText('“Start the beta in the Benelux”').waitFor();
    await history.getByText('Created the flag “New checkout”').waitFor();
    await screenshot(page, '06-flag-history');
  });

  it('tells the user when someone else changed the flag and offers to reload', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags/new-checkout/targeting`);
    const rule = page.locator('ff-rule-editor').first();
    await rule.getByTestId('rule-name').fill('Benelux beta');
    // Meanwhile, someone else changes the flag.
    const current = await getFlag('new-checkout');
    await s.api.ok('PUT', `/envs/${s.env.id}/feature-flags/new-checkout/description`, {
      description: 'Changed elsewhere',
    });
    expect((await getFlag('new-checkout')).revision).not.toBe(current.revision);

    await page.getByTestId('review-save').click();
    await page.getByTestId('confirm-save').click();
    await page.getByText('Someone else changed this flag').waitFor();
    await page.getByTestId('confirm-button').click();
    await snack('Loaded the latest version of the flag.');
    expect(await rule.getByTestId('rule-name').inputValue()).toBe('Beta countries');
    await page.getByText('Changed elsewhere').waitFor();
    expect((await getFlag('new-checkout')).rules[0].name).toBe('Beta countries');
  });

  it('toggles the flag off in the list and the official JS client SDK on a web page receives it', async () => {
    const sdk = await s.context.newPage();
    const query = new URLSearchParams({
      flag: 'new-checkout',
      secret: s.env.clientSecret,
      http: s.product.baseUrl,
      ws: s.product.wsUrl,
      user: 'sdk-page-user',
      // Not in the Benelux rule: the default rule serves On.
      country: 'US',
    });
    await sdk.goto(`${sdkPage.url}?${query.toString()}`);
    await sdk.locator('#flag-value', { hasText: 'true' }).waitFor({ timeout: 30_000 });

    await page.goto(`${s.product.baseUrl}/feature-flags`);
    const toggle = page.getByTestId('toggle-new-checkout');
    await toggle.getByRole('switch').click();
    await snack('“New checkout” is now OFF');

    await sdk.locator('#flag-value', { hasText: 'false' }).waitFor({ timeout: 30_000 });
    expect(Number(await sdk.locator('#updates').textContent())).toBeGreaterThanOrEqual(1);
    expect((await getFlag('new-checkout')).isEnabled).toBe(false);
    await sdk.close();
  });

  async function createFlag(
    key: string,
    options: { tags?: string[]; isEnabled?: boolean; name?: string; description?: string } = {},
  ): Promise<Flag> {
    const on = { id: `${key}-on`, name: 'On', value: 'true' };
    const off = { id: `${key}-off`, name: 'Off', value: 'false' };
    return s.api.ok<Flag>('POST', `/envs/${s.env.id}/feature-flags`, {
      name: options.name ?? key,
      key,
      description: options.description ?? '',
      isEnabled: options.isEnabled ?? false,
      variationType: 'boolean',
      variations: [on, off],
      enabledVariationId: on.id,
      disabledVariationId: off.id,
      tags: options.tags ?? [],
    });
  }

  const rows = () => page.locator('tr[data-flag]');
  const rowKeys = async () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-flag')));
  /** Opens a select once the previous panel has fully closed (a click during its exit animation lands on the backdrop). */
  const openSelect = async (testId: string) => {
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByTestId(testId).click();
  };

  it('finds flags by search, status and tag, and pages through them', async () => {
    await createFlag('search-web', { tags: ['web'] });
    await createFlag('search-mobile', { tags: ['mobile'], isEnabled: true });
    // Twenty more, named like a real team's flags (the list screenshot shows them).
    const catalogue: [string, string, string[], boolean][] = [
      ['dark-mode', 'Dark mode', ['web', 'ui'], true],
      ['pricing-page-v2', 'Pricing page v2', ['web', 'growth'], false],
      ['onboarding-checklist', 'Onboarding checklist', ['growth'], true],
      ['ai-summaries', 'AI summaries', ['beta'], false],
      ['fast-checkout', 'Fast checkout', ['payments'], true],
      ['apple-pay', 'Apple Pay', ['payments', 'mobile'], false],
      ['ranking-v3', 'Search ranking v3', ['search'], true],
      ['rate-limit-v2', 'Rate limiter v2', ['backend'], true],
      ['invoice-pdf-export', 'Invoice PDF export', ['billing'], false],
      ['team-workspaces', 'Team workspaces', ['beta'], false],
      ['welcome-email-b', 'Welcome e-mail variant B', ['growth', 'email'], true],
      ['sso-okta', 'Okta single sign-on', ['enterprise'], false],
      ['audit-export', 'Audit log export', ['enterprise'], true],
      ['image-cdn', 'Image CDN', ['infra'], true],
      ['legacy-api-sunset', 'Legacy API sunset banner', ['web'], false],
      ['referral-program', 'Referral program', ['growth'], false],
      ['push-reminders', 'Push reminders', ['mobile'], true],
      ['usage-dashboard', 'Usage dashboard', ['web', 'beta'], false],
      ['maintenance-mode', 'Maintenance mode', ['ops'], false],
      ['gift-cards', 'Gift cards', ['payments'], false],
    ];
    for (const [key, name, tags, isEnabled] of catalogue) await createFlag(key, { name, tags, isEnabled });
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await page.getByText('1 – 20 of 24').waitFor();
    await screenshot(page, '02-flag-list', true);

    await (await bound(page.getByTestId('flag-search'))).fill('search-');
    await eventually(rowKeys, (keys) =>
      expect(keys).toEqual(expect.arrayContaining(['search-web', 'search-mobile'])),
    );
    expect(await rows().count()).toBe(2);

    await openSelect('status-filter');
    await page.getByRole('option', { name: 'On', exact: true }).click();
    await eventually(rowKeys, (keys) => expect(keys).toEqual(['search-mobile']));
    await openSelect('status-filter');
    await page.getByRole('option', { name: 'All' }).click();

    await openSelect('tags-filter');
    await page.getByRole('option', { name: 'web' }).click();
    await page.keyboard.press('Escape');
    await eventually(rowKeys, (keys) => expect(keys).toEqual(['search-web']));

    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('21 – 24 of 24').waitFor();
    await eventually(
      () => rows().count(),
      (count) => expect(count).toBe(4),
    );
  });

  it('clones a flag and copies it to another environment after the precheck', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await (await bound(page.getByTestId('flag-search'))).fill('new-checkout');
    await eventually(rowKeys, (keys) => expect(keys).toEqual(['new-checkout']));
    await page.getByTestId('flag-actions-new-checkout').click();
    await page.getByRole('menuitem', { name: 'Clone' }).click();
    expect(await (await bound(page.getByTestId('clone-key'))).inputValue()).toBe('new-checkout-copy');
    await page.getByRole('button', { name: 'Clone', exact: true }).click();
    await snack('Cloned into “New checkout (copy)”');
    const clone = await getFlag('new-checkout-copy');
    expect(clone.rules.map((r) => r.name)).toEqual(['Beta countries']);

    await page.getByTestId('flag-actions-new-checkout').click();
    await page.getByRole('menuitem', { name: 'Copy to environment' }).click();
    await page.getByTestId('copy-target').click();
    await page.getByRole('option', { name: s.otherEnv.name }).click();
    await page.getByText('The key is free in the target environment.').waitFor();
    await page.getByTestId('copy-confirm').click();
    await snack('Copied “New checkout” to');
    const copied = await s.api.ok<Flag>('GET', `/envs/${s.otherEnv.id}/feature-flags/new-checkout`);
    expect(copied.key).toBe('new-checkout');
  });

  it('copies several selected flags at once, leaving out and naming those whose key is taken there', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await (await bound(page.getByTestId('flag-search'))).fill('new-checkout');
    await eventually(rowKeys, (keys) => expect(keys.sort()).toEqual(['new-checkout', 'new-checkout-copy']));
    await page.getByTestId('select-page').click();
    await page.getByTestId('copy-selected').click();
    await page.getByTestId('copy-target').click();
    await page.getByRole('option', { name: s.otherEnv.name }).click();
    const checks = page.getByTestId('copy-batch-checks');
    await checks.getByText('1 of 2 can be copied.').waitFor();
    // "New checkout" was copied there by the previous test: its key is taken.
    await checks.getByText('“New checkout”: a flag with this key already exists there.').waitFor();
    await page.getByTestId('copy-confirm').click();
    await snack('Copied “New checkout (copy)” to');
    const copied = await s.api.ok<Flag>('GET', `/envs/${s.otherEnv.id}/feature-flags/new-checkout-copy`);
    expect(copied.rules.map((r) => r.name)).toEqual(['Beta countries']);
    await eventually(
      () => page.getByTestId('copy-selected').count(),
      (count) => expect(count).toBe(0),
    );
  });

  it('archives, restores and deletes a flag from the list', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await (await bound(page.getByTestId('flag-search'))).fill('search-web');
    await eventually(rowKeys, (keys) => expect(keys).toEqual(['search-web']));
    await page.getByTestId('flag-actions-search-web').click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page.getByTestId('confirm-button').click();
    await snack('Archived “search-web”');
    await eventually(rowKeys, (keys) => expect(keys).toEqual([]));

    await page.getByTestId('show-archived').click();
    await eventually(rowKeys, (keys) => expect(keys).toEqual(['search-web']));
    await page.getByTestId('flag-actions-search-web').click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await page.getByTestId('confirm-button').click();
    await snack('Restored “search-web”');
    await eventually(rowKeys, (keys) => expect(keys).toEqual([]));

    // Delete works on archived flags only: archive again, then delete for good.
    await page.getByTestId('show-archived').click();
    await page.getByTestId('flag-actions-search-web').click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page.getByTestId('confirm-button').click();
    await snack('Archived “search-web”');
    await page.getByTestId('show-archived').click();
    await page.getByTestId('flag-actions-search-web').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByTestId('confirm-button').click();
    await snack('Deleted “search-web”');
    const gone = await s.api.call('GET', `/envs/${s.env.id}/feature-flags/search-web`);
    expect(gone.status).toBe(404);
  });

  it('asks for a comment on every change when the environment requires one', async () => {
    const env = { name: 'Prod', description: '', settings: { requireChangeComment: true } };
    await s.api.ok('PUT', `/projects/${s.env.projectId}/envs/${s.env.id}`, env);
    try {
      await page.goto(`${s.product.baseUrl}/feature-flags`);
      await (await bound(page.getByTestId('flag-search'))).fill('search-mobile');
      await eventually(rowKeys, (keys) => expect(keys).toEqual(['search-mobile']));
      await page.getByTestId('toggle-search-mobile').getByRole('switch').click();
      await page.getByText('Turn off “search-mobile”?').waitFor();
      await page.getByTestId('confirm-button').click();
      await page.getByText('Enter a comment.').waitFor();
      await (await bound(page.getByTestId('change-comment'))).fill('Mobile release postponed');
      await page.getByTestId('confirm-button').click();
      await snack('“search-mobile” is now OFF');
      expect((await getFlag('search-mobile')).isEnabled).toBe(false);
    } finally {
      await s.api.ok('PUT', `/projects/${s.env.projectId}/envs/${s.env.id}`, {
        ...env,
        settings: { requireChangeComment: false },
      });
    }
  });

  it('edits the name, description and tags of a flag from its detail page', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags/search-mobile/targeting`);
    await page.getByTestId('flag-settings').click();
    await (await bound(page.getByTestId('flag-settings-name'))).fill('Mobile search');
    await (await bound(page.getByLabel('Description'))).fill('Search on the mobile apps');
    await page.getByPlaceholder('Add a tag').fill('search');
    await page.getByPlaceholder('Add a tag').press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSnack(page, 'Saved “Mobile search”');
    await page.getByTestId('flag-title').getByText('Mobile search').waitFor();
    const flag = await s.api.ok<Flag & { name: string; description: string; tags: string[] }>(
      'GET',
      `/envs/${s.env.id}/feature-flags/search-mobile`,
    );
    expect([flag.name, flag.description, flag.tags]).toEqual([
      'Mobile search',
      'Search on the mobile apps',
      ['mobile', 'search'],
    ]);
  });

  it('called only documented management routes, and none failed unexpectedly', async () => {
    const document = await fetchOpenApi(s.product.baseUrl);
    expect(undocumentedCalls(s.watch.apiCalls, document)).toEqual([]);
    // 4xx answers the journeys provoked on purpose: the refused refresh before signing in and the
    // revision conflict. Anything else would be a console bug.
    const failures = s.watch.apiCalls
      .filter((c) => c.status >= 400)
      .map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/g, ':id')} ${c.status}`);
    expect([...new Set(failures)].sort()).toEqual([
      'POST /api/v1/identity/refresh-token 401',
      'PUT /api/v1/envs/:id/feature-flags/new-checkout/targeting 409',
    ]);
    expect(s.watch.errors).toEqual([]);
  });
});
