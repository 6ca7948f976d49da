import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatListOption, MatSelectionList } from '@angular/material/list';
import { MatOption, MatSelect } from '@angular/material/select';
import { ContextStore } from '../context/context.store';
import { Notifier } from '../feedback/notifier.service';

/** Organization → project → environment picker. Closes with `true` when the selection changed. */
@Component({
  selector: 'ff-context-switcher-dialog',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatSelectionList,
    MatListOption,
    MatIcon,
  ],
  template: `
    <h2 i18n mat-dialog-title>Switch environment</h2>
    <mat-dialog-content>
      @if (context.organizations().length > 1) {
        <mat-form-field class="org">
          <mat-label i18n>Organization</mat-label>
          <mat-select [value]="context.organizationId()" (valueChange)="changeOrganization($event)">
            @for (org of context.organizations(); track org.id) {
              <mat-option [value]="org.id">{{ org.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      } @else {
        <p i18n class="ff-muted">
          Organization: <strong>{{ context.organization()?.name }}</strong>
        </p>
      }
      @for (project of context.projects(); track project.id) {
        <section class="project">
          <h3><mat-icon inline>folder</mat-icon> {{ project.name }}</h3>
          <mat-selection-list
            [multiple]="false"
            [hideSingleSelectionIndicator]="true"
            [attr.aria-label]="environmentsOf(project.name)"
            (selectionChange)="choose(project.id, $event.options[0].value)"
          >
            @for (env of project.environments; track env.id) {
              <mat-list-option
                [value]="env.id"
                [selected]="env.id === context.envId()"
                [attr.data-env]="env.key"
              >
                {{ env.name }} <span class="ff-muted ff-small">· {{ env.key }}</span>
              </mat-list-option>
            } @empty {
              <p i18n class="ff-muted ff-small">No environments.</p>
            }
          </mat-selection-list>
        </section>
      } @empty {
        <p i18n class="ff-muted">No projects in this organization.</p>
      }
      @if (loading()) {
        <p i18n class="ff-muted">Loading…</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-button type="button" (click)="ref.close(changed)">Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .org {
      width: 100%;
    }
    .project h3 {
      margin: 12px 0 0;
      font: var(--mat-sys-title-small);
      display: flex;
      gap: 6px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContextSwitcherDialogComponent {
  readonly context = inject(ContextStore);
  readonly ref = inject<MatDialogRef<ContextSwitcherDialogComponent, boolean>>(MatDialogRef);
  private readonly notifier = inject(Notifier);
  readonly loading = signal(false);
  changed = false;

  async changeOrganization(id: string): Promise<void> {
    this.loading.set(true);
    try {
      await this.context.selectOrganization(id);
      this.changed = true;
    } catch (err) {
      this.notifier.error(err, $localize`Could not open the organization`);
    } finally {
      this.loading.set(false);
    }
  }

  environmentsOf(project: string): string {
    return $localize`Environments of ${project}:project:`;
  }

  choose(projectId: string, envId: string): void {
    this.context.selectEnvironment(projectId, envId);
    this.ref.close(true);
  }
}
