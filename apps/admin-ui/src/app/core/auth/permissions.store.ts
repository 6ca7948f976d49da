import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PolicyStatement } from '@domain/iam/iam';
import { IamApi } from '../../api/iam.api';
import { ContextStore } from '../context/context.store';
import { deniedReason, type PermissionAction, RN, statementsOf } from '../../shared/permissions';

/**
 * The signed-in user's effective policies in the current organization, read once per organization
 * (`GET user/policies`), so pages can disable what the user may not do and say why on hover. Until
 * they are known (or when they cannot be read) nothing is disabled: the API refuses anyway.
 */
@Injectable({ providedIn: 'root' })
export class PermissionsStore {
  private readonly context = inject(ContextStore);
  private readonly iam = inject(IamApi);
  private readonly statements = signal<PolicyStatement[] | null>(null);
  private loadedFor: string | null = null;

  constructor() {
    effect(() => {
      // Keyed by user too: signing in as someone else in the same organization re-reads.
      const key = `${this.context.loadedFor() ?? ''}|${this.context.organizationId() ?? ''}`;
      const orgId = this.context.organizationId();
      untracked(() => void this.load(key, orgId));
    });
  }

  /** Re-reads the policies (after the user changed their own groups or policies). */
  async refresh(): Promise<void> {
    this.loadedFor = null;
    const orgId = this.context.organizationId();
    await this.load(`${this.context.loadedFor() ?? ''}|${orgId ?? ''}`, orgId);
  }

  /** Why `action` on `resource` is refused, or null when allowed (or not known yet). */
  denied(action: PermissionAction, resource: string, what?: string): string | null {
    const statements = this.statements();
    return statements === null ? null : deniedReason(statements, action, resource, what);
  }

  /** A flag of the current environment. */
  flag(action: PermissionAction, flagKey: string, tags: readonly string[] = []): string | null {
    const at = this.envKeys();
    return at ? this.denied(action, RN.flag(at.project, at.env, flagKey, tags), 'flag') : null;
  }

  /** Null when any one of `actions` is allowed on the flag (a save the server checks per field). */
  anyFlag(
    actions: readonly PermissionAction[],
    flagKey: string,
    tags: readonly string[] = [],
  ): string | null {
    const reasons = actions.map((a) => this.flag(a, flagKey, tags));
    return reasons.some((r) => r === null) ? null : reasons[reasons.length - 1];
  }

  /** A segment of the current environment. */
  segment(action: PermissionAction, segmentKey: string, tags: readonly string[] = []): string | null {
    const at = this.envKeys();
    return at ? this.denied(action, RN.segment(at.project, at.env, segmentKey, tags), 'segment') : null;
  }

  /** Null when any one of `actions` is allowed on the segment (a save the server checks per field). */
  anySegment(
    actions: readonly PermissionAction[],
    segmentKey: string,
    tags: readonly string[] = [],
  ): string | null {
    const reasons = actions.map((a) => this.segment(a, segmentKey, tags));
    return reasons.some((r) => r === null) ? null : reasons[reasons.length - 1];
  }

  /** The current environment itself. */
  env(action: PermissionAction): string | null {
    const at = this.envKeys();
    return at ? this.denied(action, RN.env(at.project, at.env), 'environment') : null;
  }

  /** Organization-wide resources: IAM, access tokens, webhooks (organization). */
  iamAction(): string | null {
    return this.denied('CanManageIAM', RN.iam(), 'organization');
  }
  accessTokens(action: PermissionAction): string | null {
    return this.denied(action, RN.accessToken(), 'organization');
  }
  organization(action: PermissionAction): string | null {
    return this.denied(action, RN.organization(), 'organization');
  }

  private envKeys(): { project: string; env: string } | null {
    const project = this.context.project();
    const env = this.context.environment();
    return project && env ? { project: project.key, env: env.key } : null;
  }

  private async load(key: string, orgId: string | null): Promise<void> {
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.statements.set(null);
    if (!orgId) return;
    try {
      const policies = await firstValueFrom(this.iam.myPolicies());
      if (this.loadedFor === key) this.statements.set(statementsOf(policies));
    } catch {
      // Leave everything enabled: the API still decides, and says why, on the call itself.
    }
  }
}
