import type { Page } from 'playwright-core';
import { type ConsoleSession, openConsole } from './support/console-session';
import { bound, eventually, expectSnack, screenshot } from './support/console-browser';

// The flag's Triggers tab against the real product (issue 19): a trigger is created in a dialog that
// shows its URL once with a copy button; calling that URL with no credential turns the flag on, and
// the tab shows the count and the last time; disabling, resetting (the old URL stops working) and
// deleting (after a confirmation) work from the row.

jest.setTimeout(240_000);

describe('console: flag triggers', () => {
  let s: ConsoleSession;
  let page: Page;

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    await s.api.ok('POST', `/envs/${s.env.id}/feature-flags`, {
      name: 'Payment provider B',
      key: 'payment-provider-b',
      description: '',
      isEnabled: false,
      variationType: 'boolean',
      variations: [
        { id: 'pp-on', name: 'On', value: 'true' },
        { id: 'pp-off', name: 'Off', value: 'false' },
      ],
      enabledVariationId: 'pp-on',
      disabledVariationId: 'pp-off',
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

  const rows = () => page.getByTestId('trigger-row');
  const call = async (url: string) => (await fetch(url, { method: 'POST' })).status;
  const flagIsOn = async () =>
    (await s.api.ok<{ isEnabled: boolean }>('GET', `/envs/${s.env.id}/feature-flags/payment-provider-b`))
      .isEnabled;

  async function openTab(): Promise<void> {
    await page.goto(`${s.product.baseUrl}/feature-flags/payment-provider-b/targeting`);
    await page.getByTestId('triggers-tab').click();
    await page.getByTestId('trigger-new').waitFor();
  }

  /** Reads the URL the dialog shows once, copies it, and closes the dialog. */
  async function takeUrl(): Promise<string> {
    const url = (await page.getByTestId('trigger-url').innerText()).trim();
    await page.getByRole('button', { name: 'Copy trigger URL' }).click();
    await expectSnack(page, 'Copied trigger URL to the clipboard');
    await page.getByTestId('trigger-url-done').click();
    return url;
  }

  it('creates a trigger, shows its URL once, and the URL turns the flag on', async () => {
    await openTab();
    // The list loads after the tab opens: wait for its empty state rather than reading it at once.
    await eventually(
      () => page.getByTestId('triggers').innerText(),
      (text) => expect(text).toContain('This flag has no trigger yet.'),
    );
    await page.getByTestId('trigger-new').click();
    await page.getByTestId('trigger-action').click();
    await page.getByRole('option', { name: 'Turn the flag on' }).click();
    await (await bound(page.getByTestId('trigger-description'))).fill('Provider A outage alert');
    await page.getByTestId('trigger-create').click();
    const url = await takeUrl();
    expect(url).toMatch(/\/api\/v1\/triggers\/run\/[A-Za-z0-9_-]{43}$/);

    await eventually(
      () => rows().allInnerTexts(),
      (texts) => expect(texts).toHaveLength(1),
    );
    const row = await rows().first().innerText();
    expect(row).toContain('Turn on');
    expect(row).toContain('Provider A outage alert');
    expect(row).toContain('Never');
    expect(await page.getByTestId('triggers').innerText()).not.toContain(url.split('/').pop()!);

    expect(await call(url)).toBe(200);
    expect(await flagIsOn()).toBe(true);
    await openTab();
    await eventually(
      () => page.getByTestId('trigger-times').first().innerText(),
      (times) => expect(times.trim()).toBe('1'),
    );
    expect(await page.getByTestId('trigger-last').first().innerText()).toBe('just now');
    await page.getByTestId('flag-status-toggle').getByText('ON').waitFor();
    await screenshot(page, 'flag-triggers');

    // Disabled: the URL answers 404 and the flag stays as it is.
    await s.api.ok('PUT', `/envs/${s.env.id}/feature-flags/payment-provider-b/toggle/false`, {});
    await page.getByTestId('trigger-enabled').first().click();
    await expectSnack(page, 'Trigger disabled');
    expect(await call(url)).toBe(404);
    expect(await flagIsOn()).toBe(false);
    await page.getByTestId('trigger-enabled').first().click();
    await expectSnack(page, 'Trigger enabled');

    // Reset: after a confirmation the new URL is shown once; the old one stops working.
    await page.getByTestId('trigger-reset').first().click();
    await page.getByTestId('confirm-button').click();
    const fresh = await takeUrl();
    expect(fresh).not.toBe(url);
    expect(await call(url)).toBe(404);
    expect(await call(fresh)).toBe(200);
    expect(await flagIsOn()).toBe(true);

    // Delete, after a confirmation.
    await page.getByTestId('trigger-delete').first().click();
    await page.getByTestId('confirm-button').click();
    await expectSnack(page, 'Trigger deleted');
    await eventually(
      () => rows().count(),
      (n) => expect(n).toBe(0),
    );
    expect(await call(fresh)).toBe(404);
  });
});
