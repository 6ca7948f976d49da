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

// Schedules and change requests in the console against the real product (issue 19): the change-review
// dialog schedules a targeting change that the worker applies at its time (the SDK sees it and the
// pending drawer empties); an environment set to require approval in the settings dialog turns the
// flag's switch into a change request, a second member approves it with a comment on the Change
// requests page, and the requester applies it from the drawer; a request whose part was changed
// meanwhile shows the conflict warning. docs/screenshots/change-review-modes.png, pending-changes.png
// and change-requests.png are picked from this run.

jest.setTimeout(240_000);

const REVIEWER = 'reviewer@example.com';

interface SdkFlag {
  id: string;
  isEnabled: boolean;
  rules: { name: string }[];
}

describe('console: scheduled changes and change requests', () => {
  let s: ConsoleSession;
  let page: Page;
  let reviewerId: string;
  let reviewerPassword: string;
  let reviewerContext: BrowserContext | undefined;

  const flagsUrl = () => `/envs/${s.env.id}/feature-flags`;
  const createFlag = (key: string, name: string) =>
    s.api.ok<{ revision: string; variations: { id: string }[] }>('POST', flagsUrl(), {
      name,
      key,
      description: '',
      isEnabled: true,
      variationType: 'boolean',
      variations: [
        { id: `${key}-on`, name: 'On', value: 'true' },
        { id: `${key}-off`, name: 'Off', value: 'false' },
      ],
      enabledVariationId: `${key}-off`,
      disabledVariationId: `${key}-off`,
      tags: [],
    });
  /** The flag as server SDKs receive it. */
  const sdkFlag = async (key: string): Promise<SdkFlag | undefined> => {
    const res = await fetch(`${s.product.baseUrl}/api/public/sdk/server/latest-all`, {
      headers: { authorization: s.env.serverSecret },
    });
    const body = (await res.json()) as { data: { featureFlags: (SdkFlag & { key: string })[] } };
    return body.data.featureFlags.find((f) => f.key === key);
  };
  const openFlag = async (key: string) => {
    await page.goto(`${s.product.baseUrl}/feature-flags/${key}/targeting`);
    await page.getByTestId('flag-title').waitFor();
  };
  const openDrawer = async () => {
    await page.getByTestId('pending-changes').click();
    await page.getByTestId('pending-drawer').waitFor();
  };
  const closeDrawer = () =>
    page.getByTestId('pending-drawer').getByRole('button', { name: 'Close' }).last().click();

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    const added = await s.api.ok<{ id: string; initialPassword: string }>('POST', '/members/add', {
      email: REVIEWER,
    });
    reviewerId = added.id;
    reviewerPassword = added.initialPassword;
  });

  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-');
    await screenshot(page, `last/${name}`);
    const other = reviewerContext?.pages()[0];
    if (other) await screenshot(other, `last/${name}-reviewer`);
  });

  afterAll(async () => {
    await reviewerContext?.close();
    await s?.close();
  });

  it('schedules a targeting change a few seconds ahead; it applies, the SDK sees it, the drawer empties', async () => {
    await createFlag('summer-banner', 'Summer banner');
    await openFlag('summer-banner');
    await page.getByTestId('add-rule').click();
    const rule = page.locator('ff-rule-editor').first();
    await rule.getByTestId('rule-name').fill('Beta countries');
    await rule.getByTestId('add-condition').click();
    await rule.getByTestId('condition-property').fill('country');
    await rule.getByTestId('condition-property').press('Tab');
    await rule.getByTestId('condition-value').fill('NL');
    await rule.getByTestId('condition-value').press('Enter');

    await page.getByTestId('review-save').click();
    await page.getByTestId('review-mode-schedule').click();
    await (await bound(page.getByTestId('schedule-title'))).fill('Start the summer beta');
    // A time in the past is refused before anything is sent.
    await page.getByTestId('schedule-time').fill('2020-01-01T10:00:00');
    await page.getByTestId('confirm-save').click();
    await page.getByText('Choose a time in the future.').waitFor();
    // The browser runs in UTC (newContext), so an ISO time without its zone is its local time.
    const at = new Date(Date.now() + 12_000);
    await page.getByTestId('schedule-time').fill(at.toISOString().slice(0, 19));
    await screenshot(page, 'change-review-modes');
    await page.getByTestId('confirm-save').click();
    await expectSnack(page, 'Scheduled “Start the summer beta”');
    expect((await sdkFlag('summer-banner'))?.rules ?? []).toEqual([]);

    await eventually(
      () => page.getByTestId('pending-changes').innerText(),
      (text) => expect(text).toContain('1'),
    );
    await openDrawer();
    const card = page.getByTestId('pending-change');
    await expect(card.getByTestId('pending-heading').innerText()).resolves.toBe('Start the summer beta');
    expect(await card.getByTestId('pending-status').innerText()).toBe('Scheduled');
    expect(await card.getByTestId('pending-instructions').innerText()).toContain('Beta countries');
    await screenshot(page, 'pending-changes');

    await eventually(
      () => sdkFlag('summer-banner'),
      (flag) => expect(flag?.rules.map((r) => r.name)).toEqual(['Beta countries']),
      30_000,
    );
    await eventually(
      async () => {
        await page.getByTestId('pending-drawer').getByRole('button', { name: 'Refresh' }).click();
        return page.getByTestId('pending-empty').count();
      },
      (n) => expect(n).toBe(1),
    );
    await closeDrawer();
  });

  it('warns about a request whose part was changed since it was proposed, and removes it', async () => {
    const flag = await createFlag('banner-copy', 'Banner copy');
    const rule = (name: string, variationId: string) => ({
      targetUsers: [],
      rules: [
        {
          name,
          dispatchKey: null,
          includedInExpt: false,
          conditions: [{ property: 'country', op: 'Equal', value: name }],
          variations: [{ id: variationId, rollout: [0, 1], exptRollout: 1 }],
        },
      ],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: false,
        variations: [{ id: 'banner-copy-off', rollout: [0, 1], exptRollout: 1 }],
      },
      exptIncludeAllTargets: true,
    });
    await s.api.ok('POST', `${flagsUrl()}/banner-copy/change-requests`, {
      revision: flag.revision,
      targeting: rule('NL', 'banner-copy-on'),
      reason: 'Show the banner in NL',
      reviewers: [reviewerId],
    });
    await s.api.ok('PUT', `${flagsUrl()}/banner-copy/targeting`, {
      revision: flag.revision,
      targeting: rule('BE', 'banner-copy-on'),
    });
    await openFlag('banner-copy');
    await openDrawer();
    const warning = await page.getByTestId('pending-conflict').innerText();
    expect(warning).toContain('targeting rules changed since this was proposed; applying it will be refused');
    await page.getByTestId('pending-remove').click();
    await page.getByTestId('confirm-button').click();
    await expectSnack(page, 'Change request removed');
    await page.getByTestId('pending-empty').waitFor();
    await closeDrawer();
  });

  it('requires approval: the switch requests it, a second member approves with a comment, the requester applies it', async () => {
    await createFlag('new-pricing', 'New pricing');
    await s.api.ok('PUT', `${flagsUrl()}/new-pricing/toggle/false`, {});

    // The environment setting, through the settings dialog.
    await page.goto(`${s.product.baseUrl}/settings/projects`);
    await page
      .locator(`article[data-env="${s.env.key}"]`)
      .getByRole('button', { name: /^Edit / })
      .click();
    await (await bound(page.getByTestId('env-name'))).waitFor();
    await page.getByTestId('env-require-approval').getByRole('switch').click();
    await page.getByTestId('env-reviewer-members').click();
    await page.getByRole('option', { name: new RegExp(REVIEWER) }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('env-save').click();
    await expectSnack(page, 'Saved');
    const projects = await s.api.ok<
      { environments: { id: string; settings: { changeApproval: unknown } }[] }[]
    >('GET', '/projects');
    const saved = projects.flatMap((p) => p.environments).find((e) => e.id === s.env.id);
    expect(saved?.settings.changeApproval).toMatchObject({ required: true, reviewerMemberIds: [reviewerId] });

    // The switch proposes instead of failing with 403; "Save now" is not offered.
    await openFlag('new-pricing');
    await page.getByTestId('flag-status-toggle').getByRole('switch').click();
    await page.getByTestId('review-mode-note').getByText('requires approval').waitFor();
    expect(await page.getByTestId('review-mode-now').count()).toBe(0);
    await (await bound(page.getByTestId('request-reason'))).fill('Launch the new pricing page');
    await page.getByTestId('confirm-save').click();
    await expectSnack(page, 'Sent the change for approval');
    expect((await sdkFlag('new-pricing'))?.isEnabled).toBe(false);
    expect(s.watch.apiCalls.filter((c) => c.path.endsWith('/new-pricing/toggle/true'))).toEqual([]);

    // The reviewer, in a browser of their own, approves it on the Change requests page.
    reviewerContext = await newContext(s.browser);
    const other = await reviewerContext.newPage();
    await signInThroughForm(other, s.product.baseUrl, REVIEWER, reviewerPassword);
    await other.getByRole('heading', { name: 'Feature flags' }).waitFor();
    await other.getByRole('link', { name: 'Change requests' }).click();
    await other.getByTestId('waiting-for-you').waitFor();
    const request = other.getByTestId('pending-change').filter({ hasText: 'New pricing' });
    expect(await request.innerText()).toContain('Turned the flag ON');
    expect(await other.getByTestId('cr-filter-mine').innerText()).toContain('(1)');
    await screenshot(other, 'change-requests');
    await request.getByTestId('pending-approve').click();
    await (await bound(other.getByTestId('change-comment'))).fill('Numbers checked with finance');
    await other.getByTestId('confirm-button').click();
    await expectSnack(other, 'Approved the change');
    await other.getByTestId('cr-filter-mine').getByText('(0)').waitFor();

    // The requester applies it from the drawer; the SDK sees the flag on.
    await openFlag('new-pricing');
    await openDrawer();
    const card = page.getByTestId('pending-change');
    expect(await card.getByTestId('pending-status').innerText()).toBe('Approved');
    expect(await card.getByTestId('pending-reviewer').innerText()).toContain('Numbers checked with finance');
    await card.getByTestId('pending-apply').click();
    await expectSnack(page, 'Applied the change to “New pricing”');
    await page.getByTestId('pending-empty').waitFor();
    await closeDrawer();
    await eventually(
      () => sdkFlag('new-pricing'),
      (flag) => expect(flag?.isEnabled).toBe(true),
    );
    await page.getByTestId('flag-status-toggle').getByText('ON').waitFor();
    expect(s.watch.errors).toEqual([]);
  });
});
