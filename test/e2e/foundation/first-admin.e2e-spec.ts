import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from '../support/management-client';
import { startProduct, TEST_ADMIN_EMAIL } from '../support/product';

// Without ADMIN_PASSWORD the first admin gets a random password. It must reach the operator
// without entering the log: a file in DATA_DIR that only the product's user can read.
describe('first admin without ADMIN_PASSWORD', () => {
  it('writes the generated password to DATA_DIR/initial-admin-password, never to the log', async () => {
    const product = await startProduct({ env: { ADMIN_PASSWORD: '' } });
    const file = join(product.dataDir, 'initial-admin-password');
    try {
      let password = '';
      for (let i = 0; i < 100 && password === ''; i++) {
        try {
          password = readFileSync(file, 'utf8').trim();
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const client = await signIn(product.baseUrl, TEST_ADMIN_EMAIL, password);
      expect(await client.ok<unknown[]>('GET', '/projects')).toHaveLength(1);
      expect(product.logs()).toContain(file);
      expect(product.logs()).not.toContain(password);
    } finally {
      await product.stop('SIGTERM');
      rmSync(file, { force: true });
    }
  }, 120_000);
});
