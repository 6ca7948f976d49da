import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import { bound, eventually, expectSnack, screenshot } from './support/console-browser';

// The workspace, organization, audit log and end-user pages of issue 20 against the real product: a
// flag change found in the environment audit log by text and by member with its readable diff; the
// organization renamed with default permissions; a second organization created through FeatBit's
// onboarding and switched to; end users exported and imported back; a shared segment covering two
// environments. docs/screenshots/audit-log.png, organization-settings.png and onboarding.png come
// from this run.

jest.setTimeout(240_000);

describe('console: workspace, organizations, audit log and end users', () => {
  let s: ConsoleSession;
  let page: Page;
  let firstOrgId: string;

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    firstOrgId = s.api.organizationId;
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name: 'Audit beacon',
      key: 'audit-beacon',
      description: '',
      isEnabled: false,
      variationType: 'boolean',
      variations: [
        { id: 'ab-on', name: 'On', value: 'true' },
        { id: 'ab-off', name: 'Off', value: 'false' },
      ],
      enabledVariationId: 'ab-on',
      disabledVariationId: 'ab-off',
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

  const auditTexts = () => page.getByTestId('audit-log-list').locator('li.entry').allInnerTexts();

  it('finds a flag change in the environment audit log by text and by member, with the diff', async () => {
    await s.api.ok('PUT', `/envs/${s.env.id}/feature-flags/audit-beacon/toggle/true`, {});
    await page.goto(`${s.product.baseUrl}/audit-log`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();

    await (await bound(page.getByTestId('audit-query'))).fill('audit-beacon');
    await page.getByTestId('audit-search').click();
    await eventually(auditTexts, (texts) => {
      expect(texts.length).toBeGreaterThanOrEqual(2);
      expect(texts.every((t) => t.includes('audit-beacon'))).toBe(true);
      expect(texts[0]).toContain('Turned the flag ON');
    });

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByTestId('audit-member').click();
    await page.getByRole('option').nth(1).click();
    await page.getByTestId('audit-ref-type').click();
    await page.getByRole('option', { name: 'Feature flag', exact: true }).click();
    await page.getByTestId('audit-search').click();
    await eventually(auditTexts, (texts) => {
      expect(texts[0]).toContain('Feature flag “Audit beacon” (audit-beacon)');
      expect(texts[0]).toContain('Turned the flag ON');
    });
    await screenshot(page, 'audit-log');

    await page.getByTestId('audit-scope-org').click();
    await eventually(auditTexts, (texts) => expect(texts[0]).toContain('Turned the flag ON'));
  });

  it('renames the organization and sets the default permissions of new members', async () => {
    await page.goto(`${s.product.baseUrl}/settings/organization`);
    const name = await bound(page.getByTestId('org-name'));
    await name.fill('Acme Renamed');
    await page.getByTestId('org-default-policies').click();
    await page.getByRole('option', { name: 'Developer' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('org-save').click();
    await expectSnack(page, 'Saved organization “Acme Renamed”');
    const org = await s.api.ok<{ name: string; defaultPermissions: { policyIds: string[] } }>(
      'GET',
      `/organizations/${firstOrgId}`,
    );
    expect(org.name).toBe('Acme Renamed');
    expect(org.defaultPermissions.policyIds).toHaveLength(1);
    await screenshot(page, 'organization-settings', true);
  });

  it('creates a second organization through onboarding, switches to it and back', async () => {
    await page.getByTestId('org-create').click();
    await (await bound(page.getByTestId('org-create-name'))).fill('Second Org');
    await page.getByTestId('org-create-submit').click();
    await (await bound(page.getByTestId('onboarding-org'))).waitFor();
    await page.getByTestId('onboarding-next-1').click();
    await (await bound(page.getByTestId('onboarding-project'))).fill('Web app');
    await page.getByTestId('onboarding-next-2').click();
    await page.getByTestId('onboarding-envs').fill('Dev, Staging, Prod');
    await screenshot(page, 'onboarding');
    await page.getByTestId('onboarding-submit').click();
    await expectSnack(page, '“Second Org” is ready');
    await eventually(
      () => page.locator('mat-toolbar').innerText(),
      (text) => expect(text).toMatch(/Second Org\W*Web app \/ (Dev|Staging|Prod)/),
    );
    const orgs = await s.api.ok<{ name: string; initialized: boolean }[]>('GET', '/organizations');
    expect(orgs.find((o) => o.name === 'Second Org')?.initialized).toBe(true);

    await page.getByTestId('org-picker').click();
    await page.getByRole('option', { name: 'Acme Renamed' }).click();
    await expectSnack(page, 'Switched to “Acme Renamed”');
  });

  it('exports the end users and imports the file back', async () => {
    for (const keyId of ['u-ada', 'u-bob', 'u-cy']) {
      await s.api.ok('PUT', `/envs/${s.env.id}/end-users`, { keyId, name: keyId.slice(2) });
    }
    await page.goto(`${s.product.baseUrl}/end-users`);
    await page.getByRole('heading', { name: 'End users' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('users-export').click(),
    ]);
    const file = join(tmpdir(), `featbit-ts-end-users-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { users: { keyId: string }[] };
    expect(exported.users.map((u) => u.keyId).sort()).toEqual(['u-ada', 'u-bob', 'u-cy']);

    // One user renamed in the file: all three are read back, the renamed one is written.
    const renamed = exported.users.map((u) => (u.keyId === 'u-bob' ? { ...u, name: 'Robert' } : u));
    writeFileSync(file, JSON.stringify({ ...exported, users: renamed }));
    await page.getByTestId('users-import-file').setInputFiles(file);
    await expectSnack(page, `Imported ${exported.users.length} users, 1 new or changed`);
    await page.getByTestId('user-search').fill('u-bob');
    await eventually(
      () => page.locator('table[aria-label="End users"]').innerText(),
      (text) => expect(text).toContain('Robert'),
    );
  });

  it('creates a shared segment covering two environments', async () => {
    await page.goto(`${s.product.baseUrl}/segments`);
    await page.getByTestId('create-segment').click();
    await (await bound(page.getByTestId('segment-name'))).fill('Beta testers');
    await page.getByTestId('segment-type-shared').click();
    await page.getByTestId('segment-envs').click();
    await page.getByRole('option', { name: s.otherEnv.name }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('segment-create-submit').click();
    await expectSnack(page, 'Created segment “Beta testers”');
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}/);
    const id = page.url().split('/segments/')[1].split(/[?#]/)[0];
    const segment = await s.api.ok<{ type: string; scopes: string[] }>(
      'GET',
      `/envs/${s.env.id}/segments/${id}`,
    );
    expect(segment.type).toBe('shared');
    expect(segment.scopes).toHaveLength(2);
  });
});
