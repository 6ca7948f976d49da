import { Client } from 'pg';

// A private PostgreSQL database per suite on the loopback server (TEST_POSTGRES_URL, as written by
// .ci/infra.sh), dropped afterwards.

export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';

export function databaseUrl(database: string, base = TEST_POSTGRES_URL): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<pid>_<time>`; drop() terminates its sessions and removes it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${Date.now()}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      admin(async (c) => {
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
        await c.query(`drop database if exists ${name}`);
      }),
  };
}
