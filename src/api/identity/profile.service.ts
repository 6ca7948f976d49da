import { Injectable } from '@nestjs/common';
import { UserRepository, WorkspaceRepository } from '../../core/ports/tenancy.repositories';
import type { UserAccount, Workspace } from '../../core/tenancy/tenancy';

/** The signed-in user's own account: name, e-mail and workspaces. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  /** A taken e-mail is refused by the repository (DuplicateKeyError, answered 422 EmailHasBeenUsed). */
  update(user: UserAccount, input: { name: string; email: string }): Promise<UserAccount> {
    return this.users.update({
      ...user,
      name: input.name.trim(),
      email: input.email.trim().toLowerCase(),
      updatedAt: new Date().toISOString(),
    });
  }

  workspacesOf(userId: string): Promise<Workspace[]> {
    return this.workspaces.listForUser(userId);
  }
}
