import { DEVELOPER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcTestProvider } from '../support/oidc-test-provider';
import { newContext, screenshot } from './support/console-browser';
import { type ConsoleSession, openConsole } from './support/console-session';

// Single sign-on in Chromium against the built product (issue 20): the admin configures OpenID
// Connect on the workspace's settings page; a new person clicks "Sign in with SSO", signs in on the
// test provider's own login page (oidc-provider on 127.0.0.1), lands in the workspace, and the API
// lists them as a member with the default permissions. docs/screenshots/sso-login.png comes from here.

jest.setTimeout(240_000);

describe('console: single sign-on with OpenID Connect', () => {
  let s: ConsoleSession;
  let provider: OidcTestProvider;

  beforeAll(async () => {
    s = await openConsole();
    provider = await OidcTestProvider.start([`${s.product.baseUrl}/login/sso-callback`]);
  });

  afterAll(async () => {
    await s?.close();
    await provider?.stop();
  });

  it('the admin configures OIDC on the workspace settings page; the secret is never shown', async () => {
    const page = s.page;
    await page.goto(`${s.product.baseUrl}/settings/single-sign-on`);
    await page.getByRole('heading', { name: 'Single sign-on (OpenID Connect)' }).waitFor();
    expect(await page.getByTestId('sso-redirect-uri').innerText()).toBe(
      `${s.product.baseUrl}/login/sso-callback`,
    );
    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client ID').fill(OIDC_CLIENT_ID);
    await page.getByLabel('Client secret').fill(OIDC_CLIENT_SECRET);
    await page.getByTestId('sso-save').click();
    await page.getByText('A secret is stored; leave empty to keep it.').waitFor();
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');
    await screenshot(page, 'sso-settings');

    const stored = await s.api.ok<{ issuer: string; clientSecretSet: boolean }>(
      'GET',
      '/workspaces/sso-oidc',
    );
    expect(stored).toMatchObject({ issuer: provider.issuer, clientSecretSet: true });
    expect(JSON.stringify(stored)).not.toContain(OIDC_CLIENT_SECRET);
  });

  it('a new person signs in through the provider, lands in the workspace and is a Developer member', async () => {
    const context = await newContext(s.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(`${s.product.baseUrl}/login`);
    const sso = page.getByTestId('login-sso');
    await sso.waitFor();
    await screenshot(page, 'sso-login');
    await sso.click();

    // The identity provider's own page, on its own origin.
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByLabel('Account').fill('ada');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Feature flags' }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/feature-flags');
    await screenshot(page, 'sso-landed');
    expect(errors).toEqual([]);

    // The refresh cookie of an SSO session works like a password one: a reload keeps the session.
    await page.reload();
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();

    const members = await s.api.ok<{ items: { id: string; email: string; name: string }[] }>(
      'GET',
      '/members?searchText=ada%40sso.example',
    );
    expect(members.items).toEqual([
      expect.objectContaining({ email: 'ada@sso.example', name: 'Ada Lovelace' }),
    ]);
    const policies = await s.api.ok<{ items: { id: string }[] }>(
      'GET',
      `/members/${members.items[0].id}/direct-policies`,
    );
    expect(policies.items.map((p) => p.id)).toEqual([DEVELOPER_POLICY_ID]);
    await context.close();
  });
});
