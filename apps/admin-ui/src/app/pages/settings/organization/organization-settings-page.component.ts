import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { OrganizationSummary, WorkspaceSummary } from '../../../api/api.models';
import { type Group, IamApi, type Policy } from '../../../api/iam.api';
import { IdentityApi } from '../../../api/identity.api';
import { OrganizationsApi } from '../../../api/organizations.api';
import type { UpdateOrganizationDto } from '../../../api/generated/models';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { RN } from '../../../shared/permissions';
import { keyErrorText, keyPattern, settledValid } from '../../../shared/validators';
import { CreateOrganizationDialogComponent } from './create-organization-dialog.component';
import { DeleteOrganizationDialogComponent } from './delete-organization-dialog.component';
import { OnboardingDialogComponent } from './onboarding-dialog.component';
import { TenantSwitch } from './tenant-switch.service';

type SortBy = 'created_at' | 'updated_at' | 'key';

/** FeatBit's workspace and organization settings: names, the picker, default permissions, create, delete. */
@Component({
  selector: 'ff-organization-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatIcon,
    MatTooltip,
  ],
  templateUrl: './organization-settings-page.component.html',
  styles: `
    .cards {
      display: grid;
      gap: 16px;
      max-width: 760px;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 18px;
    }
    .row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationSettingsPageComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly identity = inject(IdentityApi);
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly switcher = inject(TenantSwitch);
  private readonly perm = inject(PermissionsStore);
  readonly context = inject(ContextStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly workspaces = signal<WorkspaceSummary[]>([]);
  readonly policies = signal<Policy[]>([]);
  readonly groups = signal<Group[]>([]);
  readonly saving = signal(false);

  readonly workspaceDenied = computed(() =>
    this.perm.denied('UpdateWorkspaceGeneralSettings', RN.workspace(), 'workspace'),
  );
  readonly nameDenied = computed(() => this.perm.organization('UpdateOrgName'));
  readonly defaultsDenied = computed(() => this.perm.organization('UpdateOrgDefaultUserPermissions'));
  readonly sortDenied = computed(() => this.perm.organization('UpdateOrgSortFlagsBy'));
  readonly createDenied = computed(() => this.perm.organization('CreateOrg'));
  readonly deleteDenied = computed(() => this.perm.organization('DeleteOrg'));
  /** The save is refused only when no part of the organization may be changed. */
  readonly orgDenied = computed(() =>
    this.nameDenied() && this.defaultsDenied() && this.sortDenied() ? this.nameDenied() : null,
  );

  readonly workspaceForm = this.fb.group({
    name: ['', Validators.required],
    key: ['', [Validators.required, keyPattern]],
  });
  readonly orgForm = this.fb.group({
    name: ['', Validators.required],
    flagSortedBy: this.fb.control<SortBy>('created_at'),
    policyIds: [[] as string[]],
    groupIds: [[] as string[]],
  });

  constructor() {
    this.identity.workspaces().subscribe({ next: (list) => this.workspaces.set(list) });
    effect(() => {
      const ws = this.context.workspace();
      untracked(() => {
        if (ws) this.workspaceForm.reset({ name: ws.name, key: ws.key });
      });
    });
    effect(() => {
      const denied = [this.nameDenied(), this.sortDenied(), this.defaultsDenied(), this.defaultsDenied()];
      const controls = this.orgForm.controls;
      untracked(() =>
        [controls.name, controls.flagSortedBy, controls.policyIds, controls.groupIds].forEach((c, i) =>
          denied[i] ? c.disable() : c.enable(),
        ),
      );
    });
    effect(() => {
      const org = this.context.organization();
      untracked(() => {
        if (!org) return;
        this.resetOrgForm(org);
        this.loadIam();
      });
    });
  }

  keyError(): string {
    return keyErrorText(this.workspaceForm.controls.key);
  }

  async saveWorkspace(): Promise<void> {
    if (this.saving() || !(await settledValid(this.workspaceForm))) return;
    const value = this.workspaceForm.getRawValue();
    this.saving.set(true);
    this.api.updateWorkspace({ name: value.name.trim(), key: value.key.trim() }).subscribe({
      next: (ws) => {
        this.saving.set(false);
        this.context.workspace.set(ws);
        this.workspaces.update((list) => list.map((w) => (w.id === ws.id ? ws : w)));
        this.notifier.success($localize`Saved workspace “${ws.name}:name:”`);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the workspace`);
      },
    });
  }

  async pickWorkspace(id: string): Promise<void> {
    const ws = this.workspaces().find((w) => w.id === id);
    if (!ws || ws.id === this.context.workspaceId()) return;
    try {
      await this.switcher.switchWorkspace(ws);
      this.notifier.success($localize`Switched to workspace “${ws.name}:name:”`);
    } catch (err) {
      this.notifier.error(err, $localize`Could not switch the workspace`);
    }
  }

  async pickOrganization(id: string): Promise<void> {
    if (id === this.context.organizationId()) return;
    await this.context.selectOrganization(id);
    this.notifier.success($localize`Switched to “${this.context.organization()?.name}:name:”`);
  }

  saveOrganization(): void {
    const org = this.context.organization();
    if (!org || this.orgForm.invalid || this.saving()) return;
    const value = this.orgForm.getRawValue();
    // Only changed parts are sent: each one needs its own permission on the server.
    const body: UpdateOrganizationDto = {};
    if (value.name.trim() !== org.name) body.name = value.name.trim();
    if ((org.settings.flagSortedBy ?? 'created_at') !== value.flagSortedBy)
      body.settings = { flagSortedBy: value.flagSortedBy };
    if (
      !sameIds(value.policyIds, org.defaultPermissions.policyIds) ||
      !sameIds(value.groupIds, org.defaultPermissions.groupIds)
    )
      body.defaultPermissions = { policyIds: value.policyIds, groupIds: value.groupIds };
    if (Object.keys(body).length === 0) {
      this.notifier.success($localize`Nothing to save`);
      return;
    }
    this.saving.set(true);
    this.api.update(body).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.context.organizations.update((list) => list.map((o) => (o.id === saved.id ? saved : o)));
        this.notifier.success($localize`Saved organization “${saved.name}:name:”`);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the organization`);
      },
    });
  }

  createOrganization(): void {
    this.dialog
      .open(CreateOrganizationDialogComponent, { width: '480px', maxWidth: '95vw', disableClose: true })
      .afterClosed()
      .subscribe((org?: OrganizationSummary) => {
        if (!org) return;
        void this.afterCreate(org);
      });
  }

  onboard(): void {
    const org = this.context.organization();
    if (!org) return;
    this.dialog
      .open(OnboardingDialogComponent, { width: '560px', maxWidth: '95vw', data: org, disableClose: true })
      .afterClosed()
      .subscribe((done?: boolean) => {
        if (done) void this.afterOnboarding();
      });
  }

  deleteOrganization(): void {
    const org = this.context.organization();
    if (!org) return;
    this.dialog
      .open(DeleteOrganizationDialogComponent, { width: '520px', maxWidth: '95vw', data: org })
      .afterClosed()
      .subscribe((deleted?: boolean) => {
        if (!deleted) return;
        this.notifier.success($localize`Deleted “${org.name}:name:”`);
        void this.switcher.reloadOrganizations().then(() => this.router.navigateByUrl('/feature-flags'));
      });
  }

  private async afterCreate(org: OrganizationSummary): Promise<void> {
    try {
      await this.switcher.reloadOrganizations(org.id);
      this.notifier.success($localize`Created “${org.name}:name:”`);
      this.onboard();
    } catch (err) {
      this.notifier.error(err, $localize`Could not open the new organization`);
    }
  }

  private async afterOnboarding(): Promise<void> {
    try {
      await this.switcher.reloadOrganizations(this.context.organizationId() ?? undefined);
      this.notifier.success($localize`“${this.context.organization()?.name}:name:” is ready`);
    } catch (err) {
      this.notifier.error(err, $localize`Could not reload the organization`);
    }
  }

  private resetOrgForm(org: OrganizationSummary): void {
    this.orgForm.reset({
      name: org.name,
      flagSortedBy: sortByOf(org.settings.flagSortedBy),
      policyIds: [...org.defaultPermissions.policyIds],
      groupIds: [...org.defaultPermissions.groupIds],
    });
  }

  private loadIam(): void {
    // Without CanManageIAM these lists are refused: the pickers then show only the ids already set.
    void firstValueFrom(this.iam.policies({ pageIndex: 0, pageSize: 100 }))
      .then((page) => this.policies.set(page.items))
      .catch(() => this.policies.set([]));
    void firstValueFrom(this.iam.groups({ pageIndex: 0, pageSize: 100 }))
      .then((page) => this.groups.set(page.items))
      .catch(() => this.groups.set([]));
  }
}

const SORTS: readonly SortBy[] = ['created_at', 'updated_at', 'key'];

function sortByOf(value: string | undefined): SortBy {
  return SORTS.find((s) => s === value) ?? 'created_at';
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
