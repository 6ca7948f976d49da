import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureConsoleBuilt } from '../console/support/console-build';
import { REPO_ROOT, startProduct } from '../support/product';

// An operator starts the installed product by its absolute path from wherever they are
// (`node /opt/featbit-ts/dist/main.js`): the console must be found inside the installation, not in
// the working directory.
describe('UI_DIR default', () => {
  beforeAll(() => ensureConsoleBuilt(), 360_000);

  it('serves the built console when started from another working directory', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'featbit-ts-cwd-'));
    const product = await startProduct({ cwd: elsewhere });
    try {
      const res = await fetch(`${product.baseUrl}/`);
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).not.toContain('The admin console has not been built');
      expect(html).toBe(
        readFileSync(join(REPO_ROOT, 'apps/admin-ui/dist/admin-ui/browser/index.html'), 'utf8'),
      );
    } finally {
      await product.stop('SIGTERM');
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 180_000);
});
