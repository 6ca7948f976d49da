/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import { WorkspaceService } from '../../../../src/api/tenancy/workspace.service';
import type { WorkspaceRepository } from '../../../../src/core/ports/tenancy.repositories';
import type { Workspace } from '../../../../src/core/tenancy/tenancy';

function workspace(id: string, key: string): Workspace {
  const at = '2024-01-01T00:00:00.000Z';
  return { id, name: key, key, license: null, sso: null, createdAt: at, updatedAt: at };
}

function setUp() {
  const rows = [workspace('ws-1', 'acme'), workspace('ws-2', 'globex')];
  const repo = {
    findByKey: async (key: string) => rows.find((w) => w.key === key) ?? null,
    update: async (w: Workspace) => {
      rows.splice(
        rows.findIndex((r) => r.id === w.id),
        1,
        w,
      );
      return w;
    },
  } as unknown as WorkspaceRepository;
  return { rows, service: new WorkspaceService(repo) };
}

describe('WorkspaceService', () => {
  it("does not count the workspace's own key as used, but another workspace's", async () => {
    const { rows, service } = setUp();
    expect(await service.isKeyUsed(rows[0], 'acme')).toBe(false);
    expect(await service.isKeyUsed(rows[0], 'globex')).toBe(true);
    expect(await service.isKeyUsed(rows[0], 'initech')).toBe(false);
  });

  it('stores a trimmed name, the key and a new updatedAt', async () => {
    const { rows, service } = setUp();
    const before = rows[0];
    const updated = await service.update(before, { name: '  Acme Corp  ', key: 'acme-corp' });
    expect(updated).toMatchObject({ id: 'ws-1', name: 'Acme Corp', key: 'acme-corp' });
    expect(updated.updatedAt > before.updatedAt).toBe(true);
    expect(rows[0]).toBe(updated);
  });
});
