import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, type Observable, switchMap } from 'rxjs';
import type { EnvironmentInfo, EnvironmentSecret, ProjectWithEnvs } from '../../../api/api.models';
import { TenancyApi } from '../../../api/tenancy.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';
import { EnvironmentDialogComponent, type EnvironmentDialogData } from './environment-dialog.component';
import { ProjectDialogComponent } from './project-dialog.component';
import { SecretDialogComponent } from './secret-dialog.component';

/** Projects with their environments and SDK secrets. */
@Component({
  selector: 'ff-projects-page',
  imports: [
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatTooltip,
    CopyButtonComponent,
  ],
  templateUrl: './projects-page.component.html',
  styleUrl: './projects-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectsPageComponent {
  private readonly api = inject(TenancyApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  readonly context = inject(ContextStore);

  /** Accessible names built around a project, environment or secret name. */
  readonly labels = {
    project: (name: string) => $localize`Project ${name}:name:`,
    projectActions: (name: string) => $localize`Actions for project ${name}:name:`,
    edit: (name: string) => $localize`Edit ${name}:name:`,
    delete: (name: string) => $localize`Delete ${name}:name:`,
    secretsOf: (name: string) => $localize`Secrets of ${name}:name:`,
    rotate: (name: string) => $localize`Rotate ${name}:name:`,
    remove: (name: string) => $localize`Remove ${name}:name:`,
  };

  secretType(type: EnvironmentSecret['type']): string {
    return type === 'server' ? $localize`server` : $localize`client`;
  }

  private done(message: string): void {
    this.notifier.success(message);
    void this.context.reloadProjects();
  }

  private run(action: Observable<unknown>, success: string, failure: string): void {
    action.subscribe({
      next: () => this.done(success),
      error: (err: unknown) => this.notifier.error(err, failure),
    });
  }

  createProject(): void {
    this.dialog
      .open(ProjectDialogComponent, { data: null, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.context.reloadProjects());
  }

  renameProject(project: ProjectWithEnvs): void {
    this.dialog
      .open(ProjectDialogComponent, { data: project, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.context.reloadProjects());
  }

  deleteProject(project: ProjectWithEnvs): void {
    const action = confirmAction(this.dialog, {
      title: $localize`Delete project “${project.name}:name:”?`,
      message: $localize`Its ${project.environments.length}:count: environment(s) are deleted with every flag, segment and user in them. SDKs using their keys stop working. This cannot be undone.`,
      confirmLabel: $localize`Delete project`,
      danger: true,
    }).pipe(switchMap((r) => (r ? this.api.deleteProject(project.id) : EMPTY)));
    this.run(
      action,
      $localize`Deleted project “${project.name}:name:”`,
      $localize`Could not delete the project`,
    );
  }

  addEnvironment(project: ProjectWithEnvs): void {
    this.openEnvironment({ project, environment: null });
  }

  editEnvironment(project: ProjectWithEnvs, environment: EnvironmentInfo): void {
    this.openEnvironment({ project, environment });
  }

  private openEnvironment(data: EnvironmentDialogData): void {
    this.dialog
      .open(EnvironmentDialogComponent, { data, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.context.reloadProjects());
  }

  deleteEnvironment(project: ProjectWithEnvs, env: EnvironmentInfo): void {
    const action = confirmAction(this.dialog, {
      title: $localize`Delete environment “${env.name}:name:”?`,
      message: $localize`Every flag, segment and end user of this environment is deleted, and its SDK keys stop working. This cannot be undone.`,
      confirmLabel: $localize`Delete environment`,
      danger: true,
    }).pipe(switchMap((r) => (r ? this.api.deleteEnvironment(project.id, env.id) : EMPTY)));
    this.run(
      action,
      $localize`Deleted environment “${env.name}:name:”`,
      $localize`Could not delete the environment`,
    );
  }

  addSecret(env: EnvironmentInfo): void {
    this.dialog
      .open(SecretDialogComponent, { data: env, width: '440px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.context.reloadProjects());
  }

  rotateSecret(env: EnvironmentInfo, secret: EnvironmentSecret): void {
    const action = confirmAction(this.dialog, {
      title: $localize`Rotate “${secret.name}:name:”?`,
      message: $localize`The secret gets a new value and the old one stops working at once: SDKs still using it are refused.\n\nFor a rotation without downtime, add a second secret, move your SDKs to it, then remove the old one.`,
      confirmLabel: $localize`Rotate now`,
      danger: true,
    }).pipe(switchMap((r) => (r ? this.api.rotateSecret(env.id, secret.id) : EMPTY)));
    this.run(
      action,
      $localize`Rotated “${secret.name}:name:”; copy the new value`,
      $localize`Could not rotate the secret`,
    );
  }

  removeSecret(env: EnvironmentInfo, secret: EnvironmentSecret): void {
    const action = confirmAction(this.dialog, {
      title: $localize`Remove “${secret.name}:name:”?`,
      message: $localize`SDKs using this secret stop receiving flags.`,
      confirmLabel: $localize`Remove secret`,
      danger: true,
    }).pipe(switchMap((r) => (r ? this.api.deleteSecret(env.id, secret.id) : EMPTY)));
    this.run(action, $localize`Removed “${secret.name}:name:”`, $localize`Could not remove the secret`);
  }

  mask(value: string): string {
    return value.length > 12 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
  }
}
