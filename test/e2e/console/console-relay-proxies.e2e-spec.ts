import type { BrowserContext, Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import {
  bound,
  eventually,
  expectSnack,
  newContext,
  screenshot,
  signInThroughForm,
} from './support/console-browser';

// The Relay proxies page against the real product (docs/relay-proxies.md): a proxy scoped to one
// environment is created and its rp- key shown once; an agent registers itself with that key through
// the public route and appears in the edit dialog; a manual agent on an unreachable host is reported
// unavailable, and its sync asks for the key again; the scope becomes every environment; the proxy is
// deleted. A member whose policy only lists relay proxies sees the create button disabled, with the
// reason. docs/screenshots/relay-proxies.png comes from this run.

jest.setTimeout(240_000);

const READER = 'relay-reader@example.com';
const NAME = 'Edge relay';

describe('console: relay proxies', () => {
  let s: ConsoleSession;
  let page: Page;
  let key = '';
  let readerPassword = '';
  let readerContext: BrowserContext | undefined;

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    const policy = await s.api.ok<{ id: string }>('POST', '/policies', {
      name: 'Relay reader',
      key: 'relay-reader',
    });
    await s.api.ok('PUT', `/policies/${policy.id}/statements`, [
      { resourceType: 'project', effect: 'allow', actions: ['CanAccessProject'], resources: ['project/*'] },
      { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
      {
        resourceType: 'relay-proxy',
        effect: 'allow',
        actions: ['ListRelayProxies'],
        resources: ['relay-proxy/*'],
      },
    ]);
    const added = await s.api.ok<{ initialPassword: string }>('POST', '/members/add', {
      email: READER,
      policyIds: [policy.id],
    });
    readerPassword = added.initialPassword;
  });

  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-');
    await screenshot(page, `last/${name}`);
  });

  afterAll(async () => {
    await readerContext?.close();
    await s?.close();
  });

  const proxies = () =>
    s.api.ok<{ items: { name: string; isAllEnvs: boolean; agents: unknown[]; autoAgents: unknown[] }[] }>(
      'GET',
      '/relay-proxies',
    );
  const openEdit = async () => {
    await page.getByTestId(`relay-proxy-edit-${NAME}`).click();
    await bound(page.getByTestId('relay-proxy-name'));
  };

  it('creates a relay proxy for one environment and shows its key once', async () => {
    await page.goto(`${s.product.baseUrl}/settings/relay-proxies`);
    await page.getByText('No relay proxies yet.').waitFor();
    await page.getByTestId('create-relay-proxy').click();
    await (await bound(page.getByTestId('relay-proxy-name'))).fill(NAME);
    await page.getByTestId('relay-proxy-description').fill('Serves the shop in the data centre');
    await page.getByTestId('relay-proxy-envs').click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('relay-proxy-save').click();

    key = (await page.getByTestId('relay-proxy-key').innerText()).trim();
    expect(key).toMatch(/^rp-/);
    expect(await page.locator('mat-dialog-container').getByRole('alert').innerText()).toContain(
      'will not be shown again',
    );
    await page.getByRole('button', { name: 'Copy relay proxy key' }).click();
    await expectSnack(page, 'Copied relay proxy key to the clipboard');
    await page.getByTestId('relay-proxy-key-done').click();

    await eventually(
      () => page.getByTestId(`relay-proxy-serves-${NAME}`).innerText(),
      (text) => expect(text).toContain('1 environment'),
    );
    expect(await page.getByRole('table', { name: 'Relay proxies' }).innerText()).not.toContain(key);
    expect((await proxies()).items.map((p) => p.name)).toEqual([NAME]);
  });

  it('shows an agent that registered itself with the key in the edit view', async () => {
    const res = await fetch(`${s.product.baseUrl}/api/public/agent/register`, {
      method: 'POST',
      headers: { authorization: key, 'content-type': 'application/json' },
      body: JSON.stringify('edge-1'),
    });
    expect(res.status).toBe(200);
    await page.reload();
    await eventually(
      () => page.getByTestId(`relay-proxy-agents-${NAME}`).innerText(),
      (text) => expect(text).toContain('1 in total'),
    );
    await openEdit();
    await page.getByTestId('auto-agent-edge-1').waitFor();
    expect(await page.getByRole('table', { name: 'Registered agents' }).innerText()).toContain(
      'Not reported yet',
    );
  });

  it('reports a manual agent on an unreachable host as unavailable, then serves every environment', async () => {
    await page.getByTestId('add-manual-agent').click();
    await page.getByTestId('agent-name-0').fill('Office relay');
    await page.getByTestId('agent-host-0').fill('http://127.0.0.1:1');
    await page.getByTestId('agent-check-0').click();
    await eventually(
      () => page.getByTestId('agent-availability-0').innerText(),
      (text) => expect(text).toContain('Unavailable (HTTP 503)'),
    );
    await page.getByTestId('scope-all').click();
    await page.getByTestId('relay-proxy-save').click();
    await expectSnack(page, `Saved “${NAME}”`);
    await eventually(
      () => page.getByTestId(`relay-proxy-serves-${NAME}`).innerText(),
      (text) => expect(text).toContain('All environments'),
    );
    const [saved] = (await proxies()).items;
    expect(saved).toMatchObject({ isAllEnvs: true });
    expect(saved.agents).toHaveLength(1);
    expect(saved.autoAgents).toHaveLength(1);
    // docs/screenshots/relay-proxies.png is picked from this one.
    await screenshot(page, 'relay-proxies');
  });

  it('asks for the key again to sync a manual agent', async () => {
    await openEdit();
    await page.getByTestId('agent-sync-0').click();
    await (await bound(page.getByTestId('sync-key'))).fill(key);
    await page.getByTestId('sync-confirm').click();
    // The host is unreachable: the sync reaches the server (which checks the key) and fails.
    await expectSnack(page, 'Could not sync “Office relay”');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('deletes the relay proxy after a confirmation', async () => {
    await page.getByTestId(`relay-proxy-delete-${NAME}`).click();
    await page.getByTestId('confirm-button').click();
    await expectSnack(page, `Deleted “${NAME}”`);
    await page.getByText('No relay proxies yet.').waitFor();
    expect((await proxies()).items).toEqual([]);
  });

  it('disables creating for a member who may only list relay proxies, and says why', async () => {
    readerContext = await newContext(s.browser);
    const reader = await readerContext.newPage();
    await signInThroughForm(reader, s.product.baseUrl, READER, readerPassword);
    await reader.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await reader.goto(`${s.product.baseUrl}/settings/relay-proxies`);
    const create = reader.getByTestId('create-relay-proxy');
    await eventually(
      () => create.getAttribute('aria-disabled'),
      (disabled) => expect(disabled).toBe('true'),
    );
    expect(await reader.getByTestId('relay-proxy-denied').innerText()).toContain(
      'Your policies do not allow ManageRelayProxies on this relay proxy',
    );
    await create.hover();
    await reader
      .locator('.mat-mdc-tooltip-surface', { hasText: 'Your policies do not allow ManageRelayProxies' })
      .waitFor();
    await screenshot(reader, 'last/relay-proxies-read-only');
  });
});
