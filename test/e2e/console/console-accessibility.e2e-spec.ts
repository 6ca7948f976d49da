import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { bound, eventually, expectSnack, newContext, screenshot } from './support/console-browser';
import { consoleRoutes, fillRoute, seedEveryPage } from './support/console-routes';
import { type ConsoleSession, openConsole } from './support/console-session';

// Every routed page of the console audited by axe-core in the light and the dark theme (no serious or
// critical violation), the theme switch, and a journey done with the keyboard alone.

jest.setTimeout(600_000);

type Scheme = 'light' | 'dark';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const BLOCKING = new Set(['serious', 'critical']);

/** Injects axe-core into the page and lists its serious and critical violations, one line each. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') refuses script tags.
    await page.evaluate(axe.source);
  }
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.impact} ${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`,
      ),
    );
}

/** Lets a page finish loading its data: no request for a moment, then its fade-ins and spinners. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .locator('mat-progress-bar, mat-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
}

const focusedTestId = (page: Page) =>
  page.evaluate<string | null>(
    `document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null`,
  );

/** Presses Tab until the focused element (or its closest test id) is `testId`; fails if never. */
async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  const seen: (string | null)[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await focusedTestId(page);
    if (id === testId) return;
    seen.push(id);
  }
  throw new Error(`Tab never reached ${testId}; focus went through ${JSON.stringify(seen)}`);
}

/** Whether the focused element shows a focus indicator (an outline, or Material's focus ring). */
const focusVisible = (page: Page) =>
  page.evaluate<boolean>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
    if (style.boxShadow && style.boxShadow !== 'none') return true;
    // Material draws its focus ring (styles.scss: strong-focus-indicators) as a ::before.
    const rings = [el, el.closest('.mat-focus-indicator'), ...el.querySelectorAll('.mat-focus-indicator'),
      ...(el.parentElement?.querySelectorAll('.mat-focus-indicator') ?? [])];
    for (const ring of rings) {
      if (!ring) continue;
      const before = getComputedStyle(ring, '::before');
      if (before.content !== 'none' && before.display !== 'none' && parseFloat(before.borderTopWidth) > 0) return true;
    }
    return !!el.closest('.mdc-text-field--focused, .mat-mdc-form-field.mat-focused');
  })()`);

describe('console: accessibility and themes', () => {
  let s: ConsoleSession;
  let page: Page;
  const values: Record<string, string> = {};

  const go = async (path: string) => {
    await page.goto(`${s.product.baseUrl}${path}`);
    await settle(page);
  };

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    Object.assign(values, await seedEveryPage(s));
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

  it('switches between system, light and dark, remembered across reloads', async () => {
    await go('/feature-flags');
    const scheme = () => page.evaluate<string>(`getComputedStyle(document.documentElement).colorScheme`);
    const background = () => page.evaluate<string>(`getComputedStyle(document.body).backgroundColor`);
    // System: follows prefers-color-scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    const systemDark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const systemLight = await background();
    expect(systemDark).not.toBe(systemLight);

    await page.getByTestId('theme-menu').click();
    await page.getByTestId('theme-dark').click();
    await eventually(scheme, (v) => expect(v).toBe('dark'));
    await eventually(background, (v) => expect(v).toBe(systemDark));
    await page.reload();
    await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
    expect(await scheme()).toBe('dark');
    expect(await page.evaluate<string | null>(`localStorage.getItem('ff-theme')`)).toBe('dark');
    await settle(page);
    await screenshot(page, 'dark-theme');

    await page.getByTestId('theme-menu').click();
    await page.getByTestId('theme-system').click();
    await eventually(background, (v) => expect(v).toBe(systemLight));
    expect(await page.evaluate<string | null>(`localStorage.getItem('ff-theme')`)).toBeNull();
  });

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`finds no serious or critical axe violation on any routed page, ${scheme} theme`, async () => {
      const routes = consoleRoutes();
      expect(routes.map((r) => r.path)).toEqual(
        expect.arrayContaining(['/feature-flags', '/feature-flags/:key/targeting', '/settings/profile']),
      );
      const failures: string[] = [];
      await page.evaluate(`localStorage.setItem('ff-theme', '${scheme}')`);
      for (const route of routes.filter((r) => r.signedIn)) {
        const url = fillRoute(route.path, values);
        await go(url);
        const found = await audit(page);
        if (found.length > 0) {
          failures.push(`${url}:\n  ${found.join('\n  ')}`);
          await screenshot(page, `a11y/${scheme}${url.replace(/[^a-z0-9]+/gi, '-')}`);
        }
      }
      // The signed-out pages, in a context of their own (a signed-in visit is redirected).
      const guest = await newContext(s.browser);
      try {
        const guestPage = await guest.newPage();
        await guestPage.emulateMedia({ colorScheme: scheme });
        for (const route of routes.filter((r) => !r.signedIn)) {
          await guestPage.goto(`${s.product.baseUrl}${route.path}`);
          await settle(guestPage);
          const found = await audit(guestPage);
          if (found.length > 0) failures.push(`${route.path}:\n  ${found.join('\n  ')}`);
        }
      } finally {
        await guest.close();
        await page.evaluate(`localStorage.removeItem('ff-theme')`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('creates a flag, turns it on and opens and closes a dialog with the keyboard alone', async () => {
    await go('/feature-flags');
    await page.locator('body').focus();
    const unfocused: string[] = [];
    const tabToVisibly = async (testId: string) => {
      await tabTo(page, testId);
      // Material marks keyboard focus (its ring's class) a moment after the focus event.
      await page.waitForTimeout(150);
      if (!(await focusVisible(page))) unfocused.push(testId);
    };

    // Create: reach the button by Tab, open the drawer with Enter; the drawer takes the focus.
    await tabToVisibly('create-flag');
    await page.keyboard.press('Enter');
    await bound(page.getByTestId('flag-name'));
    expect(await focusedTestId(page)).toBe('flag-name');
    await page.keyboard.type('Keyboard only');
    await page.getByTestId('key-available').waitFor();
    await tabToVisibly('flag-create-submit');
    await page.keyboard.press('Enter');
    await expectSnack(page, 'Keyboard only');
    await page.getByTestId('flag-title').getByText('Keyboard only').waitFor();

    // Toggle it from the list with Space.
    await go('/feature-flags');
    await page.locator('body').focus();
    await tabToVisibly('toggle-keyboard-only');
    await page.keyboard.press('Space');
    await expectSnack(page, '“Keyboard only” is now ON');
    const flag = await s.api.ok<{ isEnabled: boolean }>(
      'GET',
      `/envs/${s.env.id}/feature-flags/keyboard-only`,
    );
    expect(flag.isEnabled).toBe(true);

    // A dialog traps the focus while open and gives it back to its opener on Escape.
    await page.locator('body').focus();
    await tabToVisibly('context-switcher');
    await page.keyboard.press('Enter');
    await page.locator('mat-dialog-container').waitFor();
    await page.locator('mat-dialog-container :focus').waitFor();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate<boolean>(`!!document.activeElement?.closest('mat-dialog-container')`)).toBe(
        true,
      );
    }
    await page.keyboard.press('Escape');
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('context-switcher');

    expect(unfocused).toEqual([]);
  });
});
