import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

// Helpers for driving the console in Chromium (launched by test/support/chromium.ts).

export async function newContext(browser: Browser, width = 1280, height = 860): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height }, locale: 'en-US', timezoneId: 'UTC' });
}

/** Where the e2e run writes screenshots (the committed ones in docs/screenshots are picked from these). */
export function screenshotDir(): string {
  const dir = process.env.CONSOLE_SCREENSHOT_DIR ?? join(tmpdir(), 'featbit-ts-console-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  // Let animations and snackbars settle so shots are stable.
  await page.waitForTimeout(300);
  const path = join(screenshotDir(), `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  const viewport = page.viewportSize();
  if (fullPage && viewport) {
    // The console scrolls inside the sidenav content, not the document: grow the viewport instead.
    const height = await page.evaluate<number>(
      `(() => { const c = document.querySelector('.mat-drawer-content'); return c ? c.scrollHeight + 56 : document.body.scrollHeight; })()`,
    );
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(Math.max(height, viewport.height), 4000),
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path });
    await page.setViewportSize(viewport);
  } else {
    await page.screenshot({ path });
  }
  return path;
}

/** Collects page errors and failed API calls so a test can assert the console stayed healthy. */
export function watchPage(page: Page): {
  errors: string[];
  apiCalls: { method: string; path: string; status: number }[];
} {
  const state = {
    errors: [] as string[],
    apiCalls: [] as { method: string; path: string; status: number }[],
  };
  page.on('pageerror', (err) => state.errors.push(err.message));
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/api/v1/')) {
      state.apiCalls.push({ method: res.request().method(), path: url.pathname, status: res.status() });
    }
  });
  return state;
}

export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await (await bound(page.getByLabel('E-mail'))).fill(email);
  await (await bound(page.getByLabel('Password', { exact: true }))).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Re-reads until the check passes (UI updates are asynchronous); fails with the last assertion error. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a snackbar with this text; on failure the message lists the snackbars that did show. */
export async function expectSnack(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const shown of await page.locator('mat-snack-bar-container').allTextContents()) {
      if (shown.includes(text)) return;
      seen.add(shown.trim());
    }
    await page.waitForTimeout(100);
  }
  await screenshot(page, `failure-${text.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`);
  throw new Error(`no snackbar with "${text}"; seen: ${JSON.stringify([...seen])}`);
}

/**
 * A form input once Angular has bound it (its NgControl status classes are present). Dialogs render
 * their elements before their bindings, and move the focus to their first field when their opening
 * animation ends: text typed before either would be lost or land in another field.
 */
export async function bound(locator: Locator): Promise<Locator> {
  const page = locator.page();
  await locator.and(page.locator('.ng-pristine, .ng-dirty')).waitFor();
  if ((await page.locator('mat-dialog-container').count()) > 0) {
    await page.locator('.mdc-dialog--opening').waitFor({ state: 'detached' });
    await page.waitForFunction(`!!document.activeElement?.closest('mat-dialog-container')`);
  }
  return locator;
}
