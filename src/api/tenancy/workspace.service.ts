import { Injectable } from '@nestjs/common';
import { WorkspaceRepository } from '../../core/ports/tenancy.repositories';
import type { Workspace } from '../../core/tenancy/tenancy';

/** The workspace's own settings (name and key). */
@Injectable()
export class WorkspaceService {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  update(workspace: Workspace, input: { name: string; key: string }): Promise<Workspace> {
    return this.workspaces.update({
      ...workspace,
      name: input.name.trim(),
      key: input.key,
      updatedAt: new Date().toISOString(),
    });
  }

  /** Whether another workspace already uses the key. */
  async isKeyUsed(workspace: Workspace, key: string): Promise<boolean> {
    const found = await this.workspaces.findByKey(key);
    return found !== null && found.id !== workspace.id;
  }
}
