jest.setTimeout(120_000);
import jwt from 'jsonwebtoken';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { ApiApp } from './support/api-app';
import { waitFor } from './support/fixtures';

const JWT_SECRET = 'signing-key-e2e-jwt-secret-0123456789abcdef';
/** Where versions that generated the key on a server database kept it. */
const STORED_KEY = 'auth.jwt-secret';

// On a server database the session signing key comes from JWT_SECRET only (start-up is refused
// without it); a key an earlier version generated into the database is deleted at start.
describe('session signing key on PostgreSQL', () => {
  let db: TestDatabase;
  let api: ApiApp | undefined;

  const start = () => ApiApp.start({ env: { DB_PROVIDER: 'postgres', POSTGRES_URL: db.url, JWT_SECRET } });

  beforeAll(async () => {
    db = await createTestDatabase('signing_key');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('deletes a key stored in the database and signs with the configured one', async () => {
    api = await start();
    await api.store.settings.setIfAbsent(STORED_KEY, 'a-key-an-earlier-version-generated-here');
    await api.close();

    api = await start();
    const store = api.store;
    await waitFor(async () => (await store.settings.get(STORED_KEY)) === null);

    await api.loginAsAdmin();
    const claims = jwt.verify(api.token, JWT_SECRET, { algorithms: ['HS256'] }) as { id: string };
    expect(typeof claims.id).toBe('string');
    expect((await api.get('/api/v1/user/profile')).status).toBe(200);
    expect(await store.settings.get(STORED_KEY)).toBeNull();
  });
});
