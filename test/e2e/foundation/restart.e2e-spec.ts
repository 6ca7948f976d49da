import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../support/management-client';
import { startProduct } from '../support/product';

// The embedded default keeps its data across a restart: what was written before a graceful stop
// is there after the next start, and the first-boot seed does not run twice.
describe('restart on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'featbit-ts-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data written before a graceful stop', async () => {
    const first = await startProduct({ dataDir });
    let projectsBefore: unknown[];
    try {
      const client = await signIn(first.baseUrl);
      await client.ok('PUT', '/user/profile', { name: 'Kept Across Restarts', email: 'admin@featbit.local' });
      projectsBefore = await client.ok<unknown[]>('GET', '/projects');
    } finally {
      const exit = await first.stop('SIGTERM');
      expect(exit.code).toBe(0);
    }
    expect(first.logs()).toContain('first boot: created admin account');

    const second = await startProduct({ dataDir });
    try {
      const client = await signIn(second.baseUrl);
      const profile = await client.ok<{ name: string }>('GET', '/user/profile');
      expect(profile.name).toBe('Kept Across Restarts');
      expect(await client.ok<unknown[]>('GET', '/projects')).toEqual(projectsBefore);
      expect(second.logs()).not.toContain('first boot: created');
    } finally {
      await second.stop('SIGTERM');
    }
  }, 240_000);

  it('refuses a second process on the same data directory', async () => {
    const first = await startProduct({ dataDir });
    try {
      await expect(startProduct({ dataDir, readyTimeoutMs: 20_000 })).rejects.toThrow(/is in use by process/);
    } finally {
      await first.stop('SIGTERM');
    }
  }, 120_000);
});
