import type { Page } from 'playwright-core';
import { bound, eventually, expectSnack, screenshot } from './support/console-browser';
import { type ConsoleSession, openConsole } from './support/console-session';
import { fetchOpenApi, undocumentedCalls } from './support/openapi-routes';
import { type SdkTestPage, startSdkTestPage } from './support/sdk-test-page';

// Segments, end users, get started and settings in a real browser against the real product.

jest.setTimeout(180_000);

interface Segment {
  id: string;
  included: string[];
  rules: { conditions: { property: string; op: string | null; value: string }[] }[];
}

describe('console: segments, end users, get started and settings', () => {
  let s: ConsoleSession;
  let page: Page;
  let sdkPage: SdkTestPage;
  let segmentId = '';

  const go = (path: string) => page.goto(`${s.product.baseUrl}${path}`);

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    sdkPage = await startSdkTestPage();
    // A flag whose default rule serves Off, and two users the SDKs have "seen".
    const on = { id: 'beta-on', name: 'On', value: 'true' };
    const off = { id: 'beta-off', name: 'Off', value: 'false' };
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name: 'Beta banner',
      key: 'beta-banner',
      description: 'Shows the beta banner',
      isEnabled: true,
      variationType: 'boolean',
      variations: [on, off],
      enabledVariationId: off.id,
      disabledVariationId: off.id,
      tags: [],
    });
    for (const [keyId, plan] of [
      ['alice', 'pro'],
      ['bob', 'free'],
    ]) {
      await s.api.ok('PUT', `/envs/${s.env.id}/end-users`, {
        keyId,
        name: keyId === 'alice' ? 'Alice' : 'Bob',
        customizedProperties: [{ name: 'plan', value: plan }],
      });
    }
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

  it('creates a segment with an included user and a rule, reviewed before saving', async () => {
    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByTestId('create-segment').click();
    await (await bound(page.getByTestId('segment-name'))).fill('Beta testers');
    await page.getByTestId('segment-create-submit').click();
    await expectSnack(page, 'Created segment “Beta testers”');
    await page.getByTestId('segment-title').getByText('Beta testers').waitFor();
    segmentId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The picker searches the environment's users as you type; Enter adds the typed key.
    const picker = page.getByTestId('segment-included');
    await picker.fill('alice');
    await page.getByRole('option', { name: /^alice/ }).waitFor();
    await picker.press('Enter');
    await page.locator('mat-chip-row', { hasText: 'alice' }).waitFor();
    // The workspace's global users are offered too (FeatBit's end-users/search picker).
    const form = new FormData();
    const file = JSON.stringify({ users: [{ keyId: 'g-robot', name: 'Release robot' }] });
    form.append('file', new Blob([file], { type: 'application/json' }), 'global-users.json');
    const upload = await fetch(`${s.api.baseUrl}/api/v1/global-users/upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.api.token}`,
        workspace: s.api.workspaceId,
        organization: s.api.organizationId,
      },
      body: form,
    });
    expect(upload.status).toBe(200);
    await picker.fill('robot');
    await page.getByRole('option', { name: /^g-robot/ }).waitFor();
    await picker.fill('');
    await page.getByTestId('segment-add-rule').click();
    await page.getByTestId('condition-property').fill('email');
    await page.getByTestId('condition-property').press('Tab');
    await page.getByTestId('condition-operator').click();
    await page.getByRole('option', { name: 'ends with' }).click();
    await page.getByTestId('condition-value').fill('@example.com');
    await page.getByTestId('segment-save').click();
    await page.getByTestId('change-review-list').getByText('Included users alice').waitFor();
    await page
      .getByTestId('change-review-list')
      .getByText('Added rule: email ends with @example.com')
      .waitFor();
    await page.getByTestId('confirm-save').click();
    await expectSnack(page, 'Saved “Beta testers”');

    const segment = await s.api.ok<Segment>('GET', `/envs/${s.env.id}/segments/${segmentId}`);
    expect(segment.included).toEqual(['alice']);
    expect(segment.rules[0].conditions).toEqual([
      expect.objectContaining({ property: 'email', op: 'EndsWith', value: '@example.com' }),
    ]);
  });

  it('uses the segment in a flag rule', async () => {
    await go('/feature-flags/beta-banner/targeting');
    await page.getByTestId('add-rule').click();
    const rule = page.locator('ff-rule-editor').first();
    await rule.getByTestId('rule-name').fill('Beta testers get it');
    await rule.getByTestId('add-segment-condition').click();
    await rule.getByTestId('condition-segments').click();
    await page.getByRole('option', { name: 'Beta testers' }).click();
    await page.keyboard.press('Escape');
    // A click during the closing panel's exit animation would land on its backdrop.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await rule.getByTestId('serve-variation').click();
    await page.getByRole('option', { name: 'On', exact: true }).click();
    await page.getByTestId('review-save').click();
    await page
      .getByTestId('change-review-list')
      .getByText('Added rule “Beta testers get it”: if User is in segment Beta testers then serve On (true)')
      .waitFor();
    await page.getByTestId('confirm-save').click();
    await expectSnack(page, 'Saved “Beta banner”');
  });

  it('lists the flags that use the segment and explains why it cannot be archived', async () => {
    await go(`/segments/${segmentId}`);
    const refs = page.getByTestId('segment-references');
    await refs.getByRole('link', { name: 'Beta banner' }).waitFor();
    await screenshot(page, '07-segment-detail', true);
    await page.getByTestId('segment-archive').click();
    await page.getByTestId('confirm-button').click();
    const reason = page.getByTestId('refusal-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('Feature flags still use this segment');
    await page.getByRole('dialog').getByRole('link', { name: 'Beta banner' }).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
  });

  it('evaluates an end user and shows each flag with the reason', async () => {
    await page.getByRole('link', { name: 'End users' }).click();
    await (await bound(page.getByTestId('user-search'))).fill('ali');
    await page.getByRole('link', { name: 'alice' }).click();
    await page.getByTestId('user-title').getByText('Alice').waitFor();
    const row = page.locator('tr[data-flag="beta-banner"]');
    await row.getByText('Beta testers get it').waitFor();
    expect(await row.textContent()).toContain('On');
    await page.getByTestId('user-segments').getByRole('link', { name: 'Beta testers' }).waitFor();
    await screenshot(page, '08-end-user-detail');

    await page.getByRole('link', { name: 'End users' }).first().click();
    await (await bound(page.getByTestId('user-search'))).fill('bob');
    await page.getByRole('link', { name: 'bob' }).click();
    await page.locator('tr[data-flag="beta-banner"]').getByText('default').waitFor();
  });

  it('adds a property with preset values to the catalogue', async () => {
    await go('/end-users/properties');
    await page.getByTestId('add-property').click();
    await (await bound(page.getByTestId('property-name'))).fill('tier');
    await page.getByRole('button', { name: 'Add preset value' }).click();
    await page.getByLabel('Value', { exact: true }).fill('gold');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSnack(page, 'Saved property “tier”');
    await page.getByRole('row', { name: /tier.*gold/ }).waitFor();
  });

  it('fills the quick start with the real key and turns green on the first evaluation', async () => {
    await page.getByRole('link', { name: 'Get started' }).click();
    // A select with no options does not open: until the page's flag list has loaded (slow on a busy
    // CI machine), the click does nothing, so open it again until the option shows.
    const option = page.getByRole('option', { name: /Beta banner/ });
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('gs-flag').click();
      try {
        await option.waitFor({ timeout: 2000 });
        break;
      } catch (error) {
        if (attempt === 15) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await option.click();
    await page.getByTestId('sdk-js-client').click();
    await page.getByTestId('gs-code').getByText("from '@featbit/js-client-sdk'").waitFor();
    const code = await page.getByTestId('gs-code').textContent();
    expect(code).toContain(`.sdkKey("${s.env.clientSecret}")`);
    expect(code).toContain(`.streamingUri("${s.product.wsUrl}")`);
    await page.getByTestId('gs-live').getByText('Waiting for the first evaluation').waitFor();

    const sdk = await s.context.newPage();
    const query = new URLSearchParams({
      flag: 'beta-banner',
      secret: s.env.clientSecret,
      http: s.product.baseUrl,
      ws: s.product.wsUrl,
      user: 'first-visitor',
    });
    await sdk.goto(`${sdkPage.url}?${query.toString()}`);
    await sdk.locator('#flag-value', { hasText: 'false' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('gs-live').getByText('Evaluation received.').waitFor({ timeout: 60_000 });
    await screenshot(page, '09-get-started', true);
    await sdk.close();

    // The flag list shows when each flag was last evaluated.
    await go('/feature-flags');
    await page
      .getByTestId('evaluated-beta-banner')
      .getByText(/just now|minute/)
      .waitFor();
  });

  it('creates a project and an environment, and rotates a secret', async () => {
    await go('/settings/projects');
    await page.getByTestId('create-project').click();
    await (await bound(page.getByTestId('project-name'))).fill('Mobile app');
    await page.getByTestId('project-save').click();
    await expectSnack(page, 'Created project “Mobile app”');
    const project = page.locator('[data-project="mobile-app"]');
    await project.locator('[data-env]').first().waitFor();
    expect(
      await project.locator('[data-env]').evaluateAll((els) => els.map((e) => e.getAttribute('data-env'))),
    ).toEqual(expect.arrayContaining(['prod', 'dev']));

    await page.getByTestId('add-env-mobile-app').click();
    await (await bound(page.getByTestId('env-name'))).fill('Staging');
    await page.getByTestId('env-save').click();
    await expectSnack(page, 'Created environment “Staging”');
    const staging = project.locator('[data-env="staging"]');
    await staging.waitFor();

    const before = await staging.locator('code').first().getAttribute('title');
    await staging.getByRole('button', { name: 'Rotate Server Key' }).click();
    await page.getByTestId('confirm-button').click();
    await expectSnack(page, 'Rotated “Server Key”');
    await eventually(
      () => staging.locator('code').first().getAttribute('title'),
      (after) => expect(after).not.toBe(before),
    );
    await screenshot(page, '10-settings-projects', true);
  });

  it('creates an access token shown once, and deactivates it', async () => {
    await go('/settings/access-tokens');
    await page.getByTestId('create-token').click();
    await (await bound(page.getByTestId('token-name'))).fill('CI pipeline');
    await page.getByTestId('token-create').click();
    const value = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
    expect(value.length).toBeGreaterThan(20);
    // The token works against the management API.
    const res = await fetch(`${s.product.baseUrl}/api/v1/projects`, { headers: { authorization: value } });
    expect(res.status).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page
      .getByRole('row', { name: /CI pipeline/ })
      .getByText('Active')
      .waitFor();
    // Never shown again in full.
    expect(await page.locator('table').textContent()).not.toContain(value);

    await page.getByTestId('token-toggle-CI pipeline').click();
    await expectSnack(page, 'Deactivated “CI pipeline”');
    await page
      .getByRole('row', { name: /CI pipeline/ })
      .getByText('Inactive')
      .waitFor();
    const refused = await fetch(`${s.product.baseUrl}/api/v1/projects`, {
      headers: { authorization: value },
    });
    expect(refused.status).toBe(401);
  });

  it('updates the profile name and refuses a wrong current password in words', async () => {
    await go('/settings/profile');
    await (await bound(page.getByLabel('Name'))).fill('Ada Admin');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectSnack(page, 'Saved your profile');
    await (await bound(page.getByLabel('Current password'))).fill('wrong-password');
    await (await bound(page.getByLabel('New password', { exact: true }))).fill('a-new-password-1');
    await (await bound(page.getByLabel('Repeat the new password'))).fill('a-new-password-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectSnack(page, 'Could not change the password: The current password is incorrect.');
  });

  it('shows the SDK keys of the current environment with copy buttons, and switches environment', async () => {
    await go('/feature-flags');
    await page.getByTestId('secrets-menu').click();
    expect(await page.getByTestId('secret-server').textContent()).toBe(s.env.serverSecret);
    expect(await page.getByTestId('secret-client').textContent()).toBe(s.env.clientSecret);
    await page.getByRole('button', { name: 'Copy server key' }).click();
    await expectSnack(page, 'Copied server key to the clipboard');
    await page.keyboard.press('Escape');

    await page.getByTestId('context-switcher').click();
    await page
      .getByRole('option', { name: new RegExp(s.otherEnv.name) })
      .first()
      .click();
    await expectSnack(page, `Switched to default / ${s.otherEnv.name}`);
    await page.getByText('No feature flags yet.').waitFor();
    // The choice is remembered for this user: a reload opens the same environment.
    await page.reload();
    await page.getByTestId('context-switcher').getByText(`default / ${s.otherEnv.name}`).waitFor();
    await page.getByTestId('context-switcher').click();
    await page
      .getByRole('option', { name: new RegExp(`^\\s*${s.env.key === 'dev' ? 'Dev' : 'Prod'}`) })
      .first()
      .click();
    await page.locator('tr[data-flag="beta-banner"]').waitFor();
  });

  it('works on a narrow laptop screen with the navigation in a menu', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    await go('/feature-flags');
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('heading', { name: 'Segments' }).waitFor();
    await screenshot(page, '11-narrow-segments');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('called only documented management routes and raised no page errors', async () => {
    const document = await fetchOpenApi(s.product.baseUrl);
    expect(undocumentedCalls(s.watch.apiCalls, document)).toEqual([]);
    expect(s.watch.errors).toEqual([]);
  });
});
