import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { SEGMENT_IN } from '../../../src/core/flags/feature-flag';
import { type ConsoleSession, openConsole } from './support/console-session';
import { eventually, expectSnack, screenshot } from './support/console-browser';

// The compare page against the real product (issue 19, compare and promote): reached from the flag
// list, it shows per flag which parts differ in the chosen environment or that the flag is not there;
// the drawer shows one flag side by side and copies chosen parts; a rule using a segment of this
// environment only is marked not copyable; selected flags are copied to another environment at once.

jest.setTimeout(240_000);

interface Flag {
  key: string;
  revision: string;
  isEnabled: boolean;
  variations: { id: string; value: string }[];
  rules: { name: string }[];
}

function boolFlag(key: string) {
  const [on, off] = [randomUUID(), randomUUID()];
  return {
    name: key,
    key,
    description: '',
    isEnabled: false,
    variationType: 'boolean',
    variations: [
      { id: on, name: 'On', value: 'true' },
      { id: off, name: 'Off', value: 'false' },
    ],
    enabledVariationId: on,
    disabledVariationId: off,
    tags: [],
  };
}

describe('console: compare flags across environments', () => {
  let s: ConsoleSession;
  let page: Page;
  const flagPath = (envId: string, key = '') => `/envs/${envId}/feature-flags${key ? `/${key}` : ''}`;

  async function withRule(key: string, rule: (on: string) => Record<string, unknown>): Promise<void> {
    const flag = await s.api.ok<Flag>('GET', flagPath(s.env.id, key));
    const on = flag.variations.find((v) => v.value === 'true')!.id;
    await s.api.ok('PUT', `${flagPath(s.env.id, key)}/targeting`, {
      revision: flag.revision,
      targeting: {
        targetUsers: [],
        rules: [
          { includedInExpt: true, ...rule(on), variations: [{ id: on, rollout: [0, 1], exptRollout: 1 }] },
        ],
        fallthrough: {
          dispatchKey: null,
          includedInExpt: true,
          variations: [
            { id: flag.variations.find((v) => v.value === 'false')!.id, rollout: [0, 1], exptRollout: 1 },
          ],
        },
        exptIncludeAllTargets: true,
      },
    });
  }

  beforeAll(async () => {
    s = await openConsole();
    page = s.page;
    for (const envId of [s.env.id, s.otherEnv.id]) {
      await s.api.ok('POST', flagPath(envId), boolFlag('new-checkout'));
      await s.api.ok('POST', flagPath(envId), boolFlag('beta-banner'));
    }
    await s.api.ok('POST', flagPath(s.env.id), boolFlag('dark-mode'));
    await withRule('new-checkout', () => ({
      name: 'Germany first',
      conditions: [{ property: 'country', op: 'Equal', value: 'de' }],
    }));
    await s.api.ok('PUT', `${flagPath(s.env.id, 'new-checkout')}/toggle/true`, {});
    const segment = await s.api.ok<{ id: string }>('POST', `/envs/${s.env.id}/segments`, {
      name: 'Beta testers',
      key: 'beta-testers',
    });
    await withRule('beta-banner', () => ({
      name: 'Beta testers only',
      conditions: [{ property: SEGMENT_IN, op: null, value: JSON.stringify([segment.id]) }],
    }));
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

  const row = (key: string) => page.locator(`tr[data-flag="${key}"]`);

  it('shows which parts differ per flag, or that the flag is not there', async () => {
    await page.goto(`${s.product.baseUrl}/feature-flags`);
    await page.getByTestId('compare-flags').click();
    await page.getByRole('heading', { name: 'Compare flags' }).waitFor();
    expect(page.url()).toContain('/feature-flags/compare');
    await page.getByTestId('compare-targets').click();
    await page.getByRole('option', { name: s.otherEnv.name }).click();
    await page.keyboard.press('Escape');
    await eventually(
      () => row('new-checkout').innerText(),
      (text) => {
        expect(text).toContain('On/off');
        expect(text).toContain('Rules');
        expect(text).toContain('Default rule');
      },
    );
    expect(await row('dark-mode').innerText()).toContain('Not in this environment');
    expect(await row('beta-banner').innerText()).toContain('Rules');
    await screenshot(page, 'flag-compare', true);
  });

  it('marks rules using a segment of this environment as not copyable', async () => {
    await row('beta-banner').getByRole('button', { name: 'Compare' }).click();
    await page.getByTestId('compare-drawer').waitFor();
    await page.getByTestId('rules-not-copyable').waitFor();
    expect(await page.getByTestId('copy-targetingRule').locator('input').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('compare-drawer').waitFor({ state: 'detached' });
  });

  it('copies chosen parts of one flag side by side', async () => {
    await row('new-checkout').getByRole('button', { name: 'Compare' }).click();
    const drawer = page.getByTestId('compare-drawer');
    await drawer.waitFor();
    await eventually(
      () => page.getByTestId('part-targetingRule').innerText(),
      (text) => expect(text).toContain('Germany first'),
    );
    await screenshot(page, 'flag-compare-drawer');
    await page.getByTestId('copy-onOffState').click();
    await page.getByTestId('copy-targetingRule').click();
    await page.getByTestId('copy-defaultRule').click();
    await page.getByTestId('copy-settings').click();
    await expectSnack(page, 'Copied the chosen settings of “new-checkout”');
    const target = await s.api.ok<Flag>('GET', flagPath(s.otherEnv.id, 'new-checkout'));
    expect(target.isEnabled).toBe(true);
    expect(target.rules.map((r) => r.name)).toEqual(['Germany first']);
    await eventually(
      () => row('new-checkout').innerText(),
      (text) => expect(text).toContain('Same'),
    );
  });

  it('copies several selected flags to another environment at once', async () => {
    await s.api.ok('POST', flagPath(s.env.id), boolFlag('search-v2'));
    await page.getByTestId('compare-search').fill('-');
    await page.getByTestId('compare-search').fill('');
    await row('search-v2').waitFor();
    await page.getByTestId('select-dark-mode').click();
    await page.getByTestId('select-search-v2').click();
    await page.getByTestId('batch-target').click();
    await page.getByRole('option', { name: s.otherEnv.name }).click();
    await page.getByTestId('batch-copy-confirm').click();
    await expectSnack(page, 'Copied 2 flag(s)');
    for (const key of ['dark-mode', 'search-v2']) {
      expect((await s.api.call('GET', flagPath(s.otherEnv.id, key))).status).toBe(200);
      await eventually(
        () => row(key).innerText(),
        (text) => expect(text).not.toContain('Not in this environment'),
      );
    }
  });
});
