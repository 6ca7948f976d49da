import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import type { EndUserPropertyDefinition } from '../../../api/api.models';
import { EndUsersApi } from '../../../api/end-users.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { PropertyDialogComponent } from './property-dialog.component';

/** The environment's catalogue of user properties offered by the rule editors. */
@Component({
  selector: 'ff-properties-page',
  imports: [RouterLink, MatTableModule, MatButton, MatIconButton, MatIcon, MatProgressBar, MatTooltip],
  template: `
    <div class="ff-page">
      <a class="back" routerLink="/end-users"
        ><mat-icon inline>arrow_back</mat-icon> <span i18n>End users</span></a
      >
      <header class="ff-page-header">
        <h1 i18n>User properties</h1>
        <span class="ff-spacer"></span>
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="add-property">
          <mat-icon>add</mat-icon> <span i18n>Add property</span>
        </button>
      </header>
      <p i18n class="ff-muted intro">
        Properties offered in rule conditions. SDKs may send others too; preset values make rules quicker to
        write.
      </p>
      @if (error(); as message) {
        <p class="ff-error-text" role="alert">{{ message }}</p>
      }
      <div class="ff-table-wrap">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <table mat-table [dataSource]="properties()" aria-label="User properties" i18n-aria-label>
          <ng-container matColumnDef="name">
            <th i18n mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let p">
              <span class="ff-chip-key" translate="no">{{ p.name }}</span>
              @if (p.isBuiltIn) {
                <span i18n class="ff-badge">built-in</span>
              }
              @if (p.isDigestField) {
                <span i18n class="ff-badge">shown in lists</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="presets">
            <th i18n mat-header-cell *matHeaderCellDef>Preset values</th>
            <td mat-cell *matCellDef="let p">
              {{ presetSummary(p) }}
              @if (p.usePresetValuesOnly) {
                <span i18n class="ff-badge">presets only</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="remark">
            <th i18n mat-header-cell *matHeaderCellDef>Description</th>
            <td mat-cell *matCellDef="let p" class="ff-muted">{{ p.remark }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let p" class="actions">
              @if (!p.isBuiltIn) {
                <button
                  mat-icon-button
                  type="button"
                  (click)="edit(p)"
                  [attr.aria-label]="editLabel(p)"
                  matTooltip="Edit"
                  i18n-matTooltip
                >
                  <mat-icon>edit</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  (click)="remove(p)"
                  [attr.aria-label]="deleteLabel(p)"
                  matTooltip="Delete"
                  i18n-matTooltip
                >
                  <mat-icon>delete</mat-icon>
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-row" *matNoDataRow>
            <td class="ff-empty" [attr.colspan]="columns.length">
              @if (loading()) {
                <ng-container i18n>Loading…</ng-container>
              } @else {
                <ng-container i18n>No properties.</ng-container>
              }
            </td>
          </tr>
        </table>
      </div>
    </div>
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      text-decoration: none;
      margin-bottom: 8px;
    }
    .intro {
      margin-top: -8px;
    }
    .ff-badge {
      margin-left: 6px;
    }
    .actions {
      width: 96px;
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PropertiesPageComponent {
  private readonly api = inject(EndUsersApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly columns = ['name', 'presets', 'remark', 'actions'];
  readonly properties = signal<EndUserPropertyDefinition[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.context.envId();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    this.loading.set(true);
    try {
      this.properties.set(await firstValueFrom(this.api.properties(envId)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  presetSummary(p: EndUserPropertyDefinition): string {
    const values = p.presetValues ?? [];
    if (values.length === 0) return '—';
    const shown = values.slice(0, 4).map((v) => v.value);
    return values.length > 4 ? `${shown.join(', ')} +${values.length - 4}` : shown.join(', ');
  }

  editLabel(p: EndUserPropertyDefinition): string {
    return $localize`Edit ${p.name}:name:`;
  }

  deleteLabel(p: EndUserPropertyDefinition): string {
    return $localize`Delete ${p.name}:name:`;
  }

  edit(property: EndUserPropertyDefinition | null): void {
    this.dialog
      .open(PropertyDialogComponent, { data: property, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.load());
  }

  remove(property: EndUserPropertyDefinition): void {
    const envId = this.context.envId() ?? '';
    confirmAction(this.dialog, {
      title: $localize`Delete property “${property.name}:name:”?`,
      message: $localize`Rules that already use it keep working; it is only removed from the catalogue.`,
      confirmLabel: $localize`Delete`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.api.deleteProperty(envId, property.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${property.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the property`),
      });
  }
}
