import type { Browser, Page } from 'playwright-core';
import { type RunningProduct, startProduct, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../support/product';
import { launchChromium } from '../../support/chromium';
import { ensureConsoleBuilt } from './support/console-build';
import {
  bound,
  eventually,
  newContext,
  screenshot,
  signInThroughForm,
  watchPage,
} from './support/console-browser';

// Signing in and out of the console served by the api role at /, in a real browser.

jest.setTimeout(180_000);

describe('console: sign-in, session and serving', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    product = await startProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function freshPage(width?: number): Promise<Page> {
    const context = await newContext(browser, width);
    return context.newPage();
  }

  it('shows an error in words for a wrong password and stays on the login page', async () => {
    const page = await freshPage();
    await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The e-mail or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '01-login-error');
    await page.context().close();
  });

  it('validates the form before sending anything', async () => {
    const page = await freshPage();
    const watch = watchPage(page);
    await page.goto(`${product.baseUrl}/login`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your e-mail address.').waitFor();
    expect(watch.apiCalls.filter((c) => c.path.endsWith('/login-by-email'))).toEqual([]);
    await page.context().close();
  });

  it('signs in with the keyboard only and lands on the feature flags', async () => {
    const page = await freshPage();
    await page.goto(`${product.baseUrl}/login`);
    await (await bound(page.getByLabel('E-mail'))).focus();
    await page.keyboard.type(TEST_ADMIN_EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/feature-flags');
    await page.context().close();
  });

  it('keeps the session across a reload of a deep link (refresh cookie) and signs out', async () => {
    const page = await freshPage();
    await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await page.goto(`${product.baseUrl}/settings/projects`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/projects');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');
    // The refresh cookie is gone: a deep link now asks to sign in and remembers where to go.
    await page.goto(`${product.baseUrl}/segments`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/segments');
    await page.context().close();
  });

  it('refreshes an expired access token once for concurrent calls and retries them', async () => {
    const page = await freshPage();
    const watch = watchPage(page);
    await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    // The next two calls carry a rejected token, as if it had expired. The flag list makes them at
    // once (flags and tags); they are held until both are in flight, so they really are concurrent
    // however busy the machine is. (Matching on the token would not do: a token refreshed within
    // the same second as the sign-in is byte-identical.)
    const held: (() => Promise<void>)[] = [];
    await page.route('**/api/v1/**', async (route) => {
      const headers = route.request().headers();
      if (held.length >= 2 || !headers['authorization']) {
        await route.continue();
        return;
      }
      held.push(() =>
        route.continue({ headers: { ...headers, authorization: 'Bearer expired.token.value' } }),
      );
      if (held.length === 2) await Promise.all(held.map((release) => release()));
    });
    const before = watch.apiCalls.length;
    await page.getByRole('link', { name: 'Feature flags' }).click();
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await page.getByText('No feature flags yet.').waitFor();
    await eventually(
      () => Promise.resolve(watch.apiCalls.slice(before)),
      (calls) => {
        // Both got 401, one refresh served both, and both were retried with the new token.
        const refreshes = calls.filter((c) => c.path.endsWith('/identity/refresh-token'));
        expect(refreshes.map((r) => r.status)).toEqual([200]);
        const flagCalls = calls.filter((c) => c.path.includes('/feature-flags')).map((c) => c.status);
        expect(flagCalls.filter((status) => status === 401)).toHaveLength(2);
        expect(flagCalls.filter((status) => status === 200)).toHaveLength(2);
      },
    );
    expect(new URL(page.url()).pathname).toBe('/feature-flags');
    await page.context().close();
  });

  it('ends the session and asks to sign in again when the refresh is refused', async () => {
    const page = await freshPage();
    await signInThroughForm(page, product.baseUrl, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.context().clearCookies();
    await page.route('**/api/v1/**', async (route) => {
      const headers = { ...route.request().headers(), authorization: 'Bearer expired.token.value' };
      await route.continue({ headers });
    });
    await page.getByRole('link', { name: 'Feature flags' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByText('Your session has expired. Please sign in again.').waitFor();
    await page.context().close();
  });

  it('serves index.html for unknown console paths and JSON 404s for API paths', async () => {
    const deep = await fetch(`${product.baseUrl}/feature-flags/some-flag/history`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<ff-root>');
    const api = await fetch(`${product.baseUrl}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    // Other spellings of an API path are API 404s too, never the console page.
    for (const path of ['//api/v1/projects', '/%61pi/v1/no-such-route', '/api/./v1/no-such-route']) {
      const res = await fetch(`${product.baseUrl}${path}`);
      expect([401, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
  });
});
