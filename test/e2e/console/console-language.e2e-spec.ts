import type { Page } from 'playwright-core';
import { eventually, screenshot } from './support/console-browser';
import { consoleRoutes, fillRoute, seedEveryPage } from './support/console-routes';
import { type ConsoleSession, openConsole } from './support/console-session';

// The console in Simplified Chinese: the language menu reloads the same page under /zh/, the choice
// is remembered, a Chinese browser is sent there before any choice, and every routed page of the
// Chinese build shows no English left untranslated (docs/console.md#languages).
// docs/screenshots/console-zh.png comes from this run.

jest.setTimeout(400_000);

/**
 * Latin words a Chinese page may show: what the seeded data and the product are called, and
 * technical names that are not translated (FeatBit's own Chinese console keeps them too).
 */
const KEPT_IN_LATIN = new Set(
  [
    'featbit-ts featbit FeatBit OpenFeature OFREP OIDC OpenID Connect SSO SDK SDKs API JSON CSV ID URL',
    'HTTP HTTPS Webhook Webhooks JavaScript Node Python Java Go NET UTC ON OFF AND OR A/B PKCE Email',
    'UUID Chrome Material Angular GET POST PUT PATCH DELETE Slack Microsoft Teams Redis ClickHouse WebSocket',
    'URI',
    // Seeded data (seedEveryPage) and the signed-in administrator.
    'Checkout redesign checkout-redesign The new checkout Beta testers beta-testers People trying new',
    'things alice Alice plan pro Readers Read-only people Default Production Development Dev Prod',
    'admin Admin Developer Owner Administrator test example com Playground On Off true false',
    // The administrator's e-mail address, admin@featbit.local (ADMIN_EMAIL's default).
    'local',
    // The secrets every new environment gets (src/core/tenancy/tenancy-factory.ts): “Server Key”, “Client Key”.
    'Server Client Key',
    // The first-boot organization is called “Default Organization”.
    'Organization',
  ]
    .join(' ')
    .split(/\s+/)
    .map((w) => w.toLowerCase()),
);

/** Latin words on the page that are neither data nor product names: texts left untranslated. */
function untranslated(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z'’-]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !KEPT_IN_LATIN.has(w.toLowerCase())))];
}

/**
 * The text a user meets on the page: visible text nodes (icon ligatures, code and user-entered
 * values left out) plus what assistive technology reads (labels, placeholders, tooltips).
 */
const VISIBLE_TEXT = `(() => {
  const skip = 'mat-icon, code, pre, script, style, input, textarea, [translate="no"]';
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip) || !el.checkVisibility()) continue;
    parts.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    // Code and data marked translate="no" keep their attributes too (a secret's full value as title).
    if (el.closest('code, pre, [translate="no"]')) continue;
    parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
  }
  return parts.join(' ');
})()`;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .locator('mat-progress-bar, mat-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

describe('console: languages', () => {
  let s: ConsoleSession;
  let page: Page;
  let values: Record<string, string>;

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    values = await seedEveryPage(s);
  });

  afterEach(async () => {
    if (!page) return;
    await screenshot(
      page,
      `last/${(expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-')}`,
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  const lang = () => page.evaluate<string>('document.documentElement.lang');

  it('switches to Simplified Chinese on the same page and remembers the choice', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags?search=checkout`);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    expect(await lang()).toBe('en');

    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-zh-Hans').click();
    await page.waitForURL(/\/zh\/feature-flags\?search=checkout$/);
    await page.getByRole('heading', { name: '特性开关' }).waitFor();
    expect(await lang()).toBe('zh-Hans');
    // Same session (the token is per origin), same data.
    await page.getByText('Checkout redesign').first().waitFor();
    await settle(page);
    await screenshot(page, 'console-zh');

    // An English address now leads to the Chinese page, query kept.
    await page.goto(`${s.product.baseUrl}/segments?x=1`);
    await page.waitForURL(/\/zh\/segments\?x=1$/);
    await page.getByRole('heading', { name: '用户分群' }).waitFor();

    // And back: English is remembered too.
    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-en').click();
    await page.waitForURL((url) => url.pathname === '/segments');
    await page.getByRole('heading', { name: 'Segments' }).waitFor();
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/feature-flags');
  });

  it('sends a browser that prefers Chinese to the Chinese console before any choice', async () => {
    const context = await s.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
    try {
      const guest = await context.newPage();
      await guest.goto(`${s.product.baseUrl}/login`);
      await guest.waitForURL(/\/zh\/login$/);
      await eventually(
        () => guest.evaluate<string>('document.documentElement.lang'),
        (v) => expect(v).toBe('zh-Hans'),
      );
      await guest.getByRole('button', { name: '登录' }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('leaves no English text untranslated on any routed page of the Chinese build', async () => {
    const leftovers: string[] = [];
    for (const route of consoleRoutes().filter((r) => r.signedIn)) {
      const url = `/zh${fillRoute(route.path, values)}`;
      await page.goto(`${s.product.baseUrl}${url}`);
      await settle(page);
      const text = await page.evaluate<string>(VISIBLE_TEXT);
      const words = untranslated(text);
      if (words.length > 0) leftovers.push(`${url}: ${words.join(', ')}`);
    }
    expect(leftovers).toEqual([]);
  });
});
