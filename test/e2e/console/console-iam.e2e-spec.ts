import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../support/management-client';
import { type ConsoleSession, openConsole } from './support/console-session';
import {
  bound,
  eventually,
  expectSnack,
  newContext,
  screenshot,
  signInThroughForm,
} from './support/console-browser';

// The IAM pages and the permission-aware console against the real product (issue 20): a member is
// added by e-mail (the initial password shown once), put in a new group, the group gets a policy
// written in the statement editor (read-only: CanAccessProject + CanAccessEnv, nothing on flags)
// and the member loses the built-in Developer policy. Signed in as that member, the flag toggle and
// "Create flag" are disabled with the reason on hover, and the API itself refuses the toggle (403).
// A Service access token created with statements from the same editor reads flags but cannot toggle.
// docs/screenshots/iam-members.png, iam-policy-editor.png and read-only-member.png come from this run.

jest.setTimeout(300_000);

const MEMBER = 'reader@example.com';
const FLAG = 'iam-checkout';

describe('console: members, groups, policies and a read-only member', () => {
  let s: ConsoleSession;
  let page: Page;
  let memberContext: BrowserContext | undefined;
  let password = '';

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name: 'IAM checkout',
      key: FLAG,
      description: '',
      isEnabled: false,
      variationType: 'boolean',
      variations: [
        { id: 'ic-on', name: 'On', value: 'true' },
        { id: 'ic-off', name: 'Off', value: 'false' },
      ],
      enabledVariationId: 'ic-on',
      disabledVariationId: 'ic-off',
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
    await memberContext?.close();
    await s?.close();
  });

  it('adds a member by e-mail and shows the initial password once', async () => {
    await page.goto(`${s.product.baseUrl}/settings/team`);
    await page.getByTestId('add-member').click();
    await (await bound(page.getByTestId('member-email'))).fill(MEMBER);
    await page.getByTestId('member-add-save').click();
    password = (await page.getByTestId('member-initial-password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByRole('button', { name: 'Copy password' }).count()).resolves.toBe(1);
    await page.getByTestId('member-added-done').click();
    await page.getByTestId('member-initial-password').waitFor({ state: 'detached' });
    await page.getByTestId(`member-${MEMBER}`).waitFor();
    expect(await page.content()).not.toContain(password);
  });

  it('creates a group and adds the member', async () => {
    await page.goto(`${s.product.baseUrl}/settings/groups`);
    await page.getByTestId('create-group').click();
    await (await bound(page.getByTestId('group-name'))).fill('Readers');
    await page.getByTestId('group-save').click();
    await page.getByTestId('group-title').filter({ hasText: 'Readers' }).waitFor();
    await openSelect('group-member-select');
    await page.getByRole('option', { name: MEMBER }).click();
    await page.getByTestId('group-member-add').click();
    await expectSnack(page, `Added ${MEMBER}`);
    await eventually(
      () => page.getByTestId('group-members').innerText(),
      (text) => expect(text).toContain(MEMBER),
    );
  });

  it('writes a read-only policy in the statement editor', async () => {
    await page.goto(`${s.product.baseUrl}/settings/policies`);
    await page.getByTestId('create-policy').click();
    await (await bound(page.getByTestId('policy-name'))).fill('Read-only flags');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-title').filter({ hasText: 'Read-only flags' }).waitFor();

    // Statement 1: see the projects (the project list is filtered by CanAccessProject).
    await page.getByTestId('statement-add').click();
    await chooseType(0, 'project');
    await chooseActions(0, ['CanAccessProject']);
    // Statement 2: read every environment's flags, and nothing else.
    await page.getByTestId('statement-add').click();
    await chooseType(1, 'env');
    await page.getByTestId('statement-problems-1').filter({ hasText: 'at least one action' }).waitFor();
    await chooseActions(1, ['CanAccessEnv']);
    expect(await page.getByTestId('statement-resources-1').inputValue()).toBe('project/*:env/*');
    await page.getByTestId('statement-problems-1').waitFor({ state: 'detached' });
    await screenshot(page, 'iam-policy-editor', true);
    await page.getByTestId('policy-statements-save').click();
    await expectSnack(page, 'Saved the statements of “Read-only flags”');

    const policies = await s.api.ok<{ items: { key: string; statements: unknown[] }[] }>(
      'GET',
      '/policies?name=Read-only',
    );
    expect(policies.items[0].statements).toEqual([
      expect.objectContaining({ effect: 'allow', resourceType: 'project', actions: ['CanAccessProject'] }),
      expect.objectContaining({
        resourceType: 'env',
        actions: ['CanAccessEnv'],
        resources: ['project/*:env/*'],
      }),
    ]);
  });

  it('attaches the policy to the group and removes the member’s Developer policy', async () => {
    await page.goto(`${s.product.baseUrl}/settings/groups`);
    await page.getByTestId('group-Readers').click();
    await openSelect('group-policy-select');
    await page.getByRole('option', { name: 'Read-only flags' }).click();
    await page.getByTestId('group-policy-attach').click();
    await expectSnack(page, 'Attached “Read-only flags”');

    await page.goto(`${s.product.baseUrl}/settings/team`);
    await page.getByTestId(`member-${MEMBER}`).click();
    await page.getByTestId('detach-policy-developer').click();
    await expectSnack(page, 'Detached “Developer”');
    await eventually(
      () => page.getByTestId('member-inherited-policies').innerText(),
      (text) => expect(text).toContain('Read-only flags'),
    );
    expect(await page.getByTestId('member-inherited-policies').innerText()).toContain('from Readers');
    await eventually(
      () => page.getByTestId('member-direct-policies').innerText(),
      (text) => expect(text).toContain('No direct policy'),
    );
    await page.goto(`${s.product.baseUrl}/settings/team`);
    await eventually(
      () => page.getByRole('table', { name: 'Members' }).innerText(),
      (text) => expect(text).toContain('Readers'),
    );
    await screenshot(page, 'iam-members');
  });

  it('shows the member the toggle and create disabled with the reason, and the API refuses', async () => {
    memberContext = await newContext(s.browser);
    const member = await memberContext.newPage();
    await signInThroughForm(member, s.product.baseUrl, MEMBER, password);
    await member.getByRole('heading', { name: 'Feature flags' }).waitFor();
    const toggle = member.getByTestId(`toggle-${FLAG}`).getByRole('switch');
    await eventually(
      () => toggle.getAttribute('aria-disabled'),
      (v) => expect(v).toBe('true'),
    );
    const create = member.getByTestId('create-flag');
    expect(await create.getAttribute('aria-disabled')).toBe('true');

    await create.hover();
    const tooltip = (text: string) => member.locator('.mat-mdc-tooltip-surface', { hasText: text });
    await tooltip('Your policies do not allow CreateFlag on this flag').waitFor();
    await toggle.hover();
    await tooltip('Your policies do not allow ToggleFlag on this flag').waitFor();
    await screenshot(member, 'read-only-member');

    // Clicking does nothing: the flag stays off.
    await toggle.click({ force: true });
    const api = await signIn(s.product.baseUrl, MEMBER, password);
    const flag = await api.ok<{ isEnabled: boolean }>('GET', `/envs/${s.env.id}/feature-flags/${FLAG}`);
    expect(flag.isEnabled).toBe(false);
    const refused = await api.call('PUT', `/envs/${s.env.id}/feature-flags/${FLAG}/toggle/true`, {});
    expect(refused.status).toBe(403);
  });

  it('creates a Service token with statements from the same editor', async () => {
    await page.goto(`${s.product.baseUrl}/settings/access-tokens`);
    await page.getByTestId('create-token').click();
    await (await bound(page.getByTestId('token-name'))).fill('Flag reader');
    await page.locator('mat-button-toggle', { hasText: 'Service' }).click();
    await page.getByTestId('statement-add').click();
    await chooseType(0, 'env');
    await chooseActions(0, ['CanAccessEnv']);
    await page.getByTestId('token-create').click();
    const token = (await page.getByTestId('new-token-value').innerText()).trim();

    const asToken = (method: string, path: string) =>
      fetch(`${s.product.baseUrl}/api/v1${path}`, { method, headers: { authorization: token } });
    expect((await asToken('GET', `/envs/${s.env.id}/feature-flags/${FLAG}`)).status).toBe(200);
    expect((await asToken('PUT', `/envs/${s.env.id}/feature-flags/${FLAG}/toggle/true`)).status).toBe(403);
  });

  /** An empty mat-select lies under its label: open it through its form field. */
  async function openSelect(testId: string): Promise<void> {
    await page.locator('mat-form-field', { has: page.getByTestId(testId) }).click();
  }

  async function chooseType(index: number, type: string): Promise<void> {
    await page.getByTestId(`statement-type-${index}`).click();
    await page.getByRole('option', { name: type, exact: true }).click();
  }

  async function chooseActions(index: number, actions: string[]): Promise<void> {
    await page.getByTestId(`statement-actions-${index}`).click();
    for (const action of actions) await page.getByRole('option', { name: action, exact: true }).click();
    await page.keyboard.press('Escape');
  }
});
