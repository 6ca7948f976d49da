import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { OWNER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { createPostgresDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { TEST_ADMIN_EMAIL } from '../support/product';
import { expectSnack, screenshot } from './support/console-browser';
import { type ConsoleSession, openConsole } from './support/console-session';

// The workspace picker of the organization settings page, for a user who belongs to two workspaces.
// The product creates only its first workspace (there is no sign-up), so the second one is written
// into the product's PostgreSQL database through the product's own data store, as an operator's
// provisioning script would.

jest.setTimeout(240_000);

describe('console: switching workspaces', () => {
  let db: TestDatabase;
  let store: DataStore;
  let s: ConsoleSession;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('console_ws_picker');
    s = await openConsole({
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: db.url,
      JWT_SECRET: randomUUID() + randomUUID(),
    });
    page = s.page;
    store = createPostgresDataStore({ url: db.url, poolSize: 2 });
    await store.whenReady();
    const admin = await store.users.findByEmail(TEST_ADMIN_EMAIL);
    if (!admin) throw new Error('the first-boot administrator is missing');
    const now = new Date().toISOString();
    const workspaceId = randomUUID();
    const organizationId = randomUUID();
    await store.transaction(async (tx) => {
      await tx.workspaces.create({
        id: workspaceId,
        name: 'Globex labs',
        key: 'globex-labs',
        license: null,
        sso: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.workspaces.addUser(workspaceId, admin.id);
      await tx.organizations.create({
        id: organizationId,
        workspaceId,
        name: 'Globex research',
        key: 'globex-research',
        initialized: true,
        defaultPermissions: { policyIds: [], groupIds: [] },
        settings: { flagSortedBy: 'created_at' },
        createdAt: now,
        updatedAt: now,
      });
      await tx.organizations.addMember({ organizationId, userId: admin.id, invitorId: null, createdAt: now });
      await tx.policies.attachToMember(organizationId, admin.id, OWNER_POLICY_ID);
    });
  });

  afterAll(async () => {
    await s?.close();
    await store?.close();
    await db?.drop();
  });

  it('lists both workspaces and switches the console to the other one and back', async () => {
    await page.goto(`${s.product.baseUrl}/settings/organization`);
    const picker = page.getByTestId('workspace-picker');
    await picker.waitFor();
    await picker.click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options.map((o) => o.trim()).sort()).toEqual(['Default Workspace', 'Globex labs'].sort());
    await page.getByRole('option', { name: 'Globex labs' }).click();
    await expectSnack(page, 'Switched to workspace “Globex labs”');
    // The other workspace's organization is now the context; its name fills the workspace form.
    await page.getByTestId('context-switcher').getByText('Globex research').waitFor();
    expect(await page.getByTestId('workspace-name').inputValue()).toBe('Globex labs');
    await screenshot(page, 'workspace-picker');

    await page.getByTestId('workspace-picker').click();
    await page.getByRole('option', { name: 'Default Workspace' }).click();
    await expectSnack(page, 'Switched to workspace “Default Workspace”');
    await page.getByTestId('context-switcher').getByText('Default Organization').waitFor();
  });
});
