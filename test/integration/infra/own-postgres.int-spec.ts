import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

// The test command must never change a PostgreSQL it did not start (a developer's own server on
// 5432, say): .ci/infra.sh creates and runs the project's own cluster, and the suites use that one.
const REPO_ROOT = join(__dirname, '../../..');
const INFRA_DIR = process.env.INFRA_DIR ?? '/tmp/featbit-ts-infra';
const url = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';

describe("the test servers' PostgreSQL", () => {
  it("is the project's own cluster: its data under INFRA_DIR, its own port and role", async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ dir: string; port: string; who: string }>(
        "select current_setting('data_directory') as dir, current_setting('port') as port, current_user as who",
      );
      expect(rows[0].dir.startsWith(`${INFRA_DIR}/`)).toBe(true);
      expect(rows[0].port).not.toBe('5432');
      expect(rows[0].who).toBe('featbit');
    } finally {
      await client.end();
    }
  });

  it('is set up without changing any existing role (no ALTER USER/ROLE in .ci)', () => {
    const ci = join(REPO_ROOT, '.ci');
    for (const file of readdirSync(ci)) {
      expect({ file, alters: /\balter\s+(user|role)\b/i.test(readFileSync(join(ci, file), 'utf8')) }).toEqual(
        {
          file,
          alters: false,
        },
      );
    }
  });
});
