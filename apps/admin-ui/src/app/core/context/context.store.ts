import { computed, inject, Injectable, signal } from '@angular/core';
import { catchError, firstValueFrom, of } from 'rxjs';
import { IdentityApi } from '../../api/identity.api';
import { TenancyApi } from '../../api/tenancy.api';
import type {
  EnvironmentInfo,
  OrganizationSummary,
  Profile,
  ProjectWithEnvs,
  WorkspaceSummary,
} from '../../api/api.models';
import { describeError } from '../feedback/error-messages';

interface SavedChoice {
  workspaceId?: string;
  organizationId?: string;
  projectId?: string;
  envId?: string;
}

const STORAGE_PREFIX = 'featbit-ts.context.';

/**
 * The current workspace → organization → project → environment. Pages read it as signals; the last
 * choice is remembered per user so a reload or the next visit opens the same environment.
 */
@Injectable({ providedIn: 'root' })
export class ContextStore {
  private readonly identity = inject(IdentityApi);
  private readonly tenancy = inject(TenancyApi);

  readonly workspace = signal<WorkspaceSummary | null>(null);
  readonly organizations = signal<OrganizationSummary[]>([]);
  readonly projects = signal<ProjectWithEnvs[]>([]);
  readonly organizationId = signal<string | null>(null);
  readonly projectId = signal<string | null>(null);
  readonly envId = signal<string | null>(null);
  /** The user id the context was loaded for. */
  readonly loadedFor = signal<string | null>(null);
  readonly loadError = signal<string | null>(null);

  readonly workspaceId = computed(() => this.workspace()?.id ?? null);
  readonly organization = computed(
    () => this.organizations().find((o) => o.id === this.organizationId()) ?? null,
  );
  readonly project = computed(() => this.projects().find((p) => p.id === this.projectId()) ?? null);
  readonly environment = computed<EnvironmentInfo | null>(
    () => this.project()?.environments.find((e) => e.id === this.envId()) ?? null,
  );
  readonly serverSecret = computed(
    () => this.environment()?.secrets.find((s) => s.type === 'server') ?? null,
  );
  readonly clientSecret = computed(
    () => this.environment()?.secrets.find((s) => s.type === 'client') ?? null,
  );
  readonly requireChangeComment = computed(() => this.environment()?.settings?.requireChangeComment === true);
  /** Every environment of the organization, for "copy to environment" pickers. */
  readonly allEnvironments = computed(() =>
    this.projects().flatMap((p) => p.environments.map((env) => ({ project: p, env }))),
  );

  async load(profile: Profile): Promise<void> {
    this.loadError.set(null);
    const saved = this.readChoice(profile.id);
    try {
      const workspaces = await firstValueFrom(this.identity.workspaces().pipe(catchError(() => of([]))));
      const workspace = workspaces.find((w) => w.id === saved.workspaceId) ?? workspaces[0] ?? null;
      this.workspace.set(workspace);
      const organizations = await firstValueFrom(this.tenancy.organizations());
      this.organizations.set(organizations);
      const org = organizations.find((o) => o.id === saved.organizationId) ?? organizations[0] ?? null;
      this.organizationId.set(org?.id ?? null);
      if (org) await this.loadProjects(saved.projectId, saved.envId);
      this.loadedFor.set(profile.id);
      this.saveChoice();
    } catch (err) {
      this.loadError.set(describeError(err));
      this.loadedFor.set(profile.id);
    }
  }

  async selectOrganization(id: string): Promise<void> {
    this.organizationId.set(id);
    this.projectId.set(null);
    this.envId.set(null);
    await this.loadProjects();
    this.saveChoice();
  }

  selectEnvironment(projectId: string, envId: string): void {
    this.projectId.set(projectId);
    this.envId.set(envId);
    this.saveChoice();
  }

  /** Re-reads projects and environments (after settings changes), keeping the selection when possible. */
  async reloadProjects(): Promise<void> {
    await this.loadProjects(this.projectId() ?? undefined, this.envId() ?? undefined);
    this.saveChoice();
  }

  reset(): void {
    this.workspace.set(null);
    this.organizations.set([]);
    this.projects.set([]);
    this.organizationId.set(null);
    this.projectId.set(null);
    this.envId.set(null);
    this.loadedFor.set(null);
  }

  private async loadProjects(projectId?: string, envId?: string): Promise<void> {
    const projects = await firstValueFrom(this.tenancy.projects());
    this.projects.set(projects);
    const project =
      projects.find((p) => p.id === projectId) ??
      projects.find((p) => p.environments.length > 0) ??
      projects[0];
    const env = project?.environments.find((e) => e.id === envId) ?? project?.environments[0];
    this.projectId.set(project?.id ?? null);
    this.envId.set(env?.id ?? null);
  }

  private readChoice(userId: string): SavedChoice {
    try {
      const raw = localStorage.getItem(STORAGE_PREFIX + userId);
      return raw ? (JSON.parse(raw) as SavedChoice) : {};
    } catch {
      return {};
    }
  }

  private saveChoice(): void {
    const userId = this.loadedFor();
    if (!userId) return;
    const choice: SavedChoice = {
      workspaceId: this.workspaceId() ?? undefined,
      organizationId: this.organizationId() ?? undefined,
      projectId: this.projectId() ?? undefined,
      envId: this.envId() ?? undefined,
    };
    try {
      localStorage.setItem(STORAGE_PREFIX + userId, JSON.stringify(choice));
    } catch {
      // Storage may be disabled; the choice then lasts for this tab only.
    }
  }
}
