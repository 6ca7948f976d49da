import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { AccessTokensApi } from '../../../api/access-tokens.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { MatTooltip } from '@angular/material/tooltip';
import { toSignal } from '@angular/core/rxjs-interop';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { draftProblems, statementOf, type StatementDraft } from '../../../shared/statement-draft';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';
import { StatementEditorComponent } from '../../../ui/statement-editor/statement-editor.component';

/** Create a token and show its value exactly once. */
@Component({
  selector: 'ff-create-token-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatIcon,
    CopyButtonComponent,
    MatTooltip,
    StatementEditorComponent,
  ],
  template: `
    @if (created(); as token) {
      <h2 i18n mat-dialog-title>Copy your new token</h2>
      <mat-dialog-content>
        <p class="warning" role="alert">
          <mat-icon inline>warning</mat-icon>
          <span i18n>This is the only time the token is shown. Store it somewhere safe now.</span>
        </p>
        <div class="token">
          <code data-testid="new-token-value">{{ token }}</code>
          <ff-copy-button [value]="token" what="token" i18n-what />
        </div>
        <p i18n class="ff-muted ff-small">
          Send it as <code>{{ authHeader(token) }}</code> to /api/v1.
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-flat-button type="button" (click)="ref.close(true)">I have copied it</button>
      </mat-dialog-actions>
    } @else {
      <h2 i18n mat-dialog-title>New access token</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content class="ff-form">
          <mat-form-field>
            <mat-label i18n>Name</mat-label>
            <input matInput formControlName="name" required data-testid="token-name" />
            <mat-hint i18n>What uses it, e.g. “CI pipeline”.</mat-hint>
            <mat-error i18n>Enter a name.</mat-error>
          </mat-form-field>
          <mat-button-toggle-group formControlName="type" aria-label="Token type" i18n-aria-label>
            <mat-button-toggle i18n value="Personal">Personal</mat-button-toggle>
            <mat-button-toggle i18n value="Service">Service</mat-button-toggle>
          </mat-button-toggle-group>
          <p i18n class="ff-muted ff-small">
            Personal tokens act with your permissions. Service tokens have their own: the statements below.
          </p>
          @if (form.controls.type.value === 'Service') {
            <ff-statement-editor [(drafts)]="drafts" data-testid="token-statements" />
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button i18n mat-button type="button" (click)="ref.close(false)">Cancel</button>
          <button
            i18n
            mat-flat-button
            type="submit"
            [disabled]="saving() || !!denied()"
            [disabledInteractive]="true"
            [matTooltip]="denied() ?? ''"
            data-testid="token-create"
          >
            Create
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .warning {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ff-warning-container);
      color: var(--ff-on-warning-container);
    }
    .token {
      display: flex;
      align-items: center;
      gap: 8px;
      code {
        flex: 1;
        word-break: break-all;
        padding: 8px;
        border-radius: 6px;
        background: var(--mat-sys-surface-container-high);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTokenDialogComponent {
  private readonly api = inject(AccessTokensApi);
  private readonly notifier = inject(Notifier);
  readonly ref = inject<MatDialogRef<CreateTokenDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  readonly created = signal<string | null>(null);
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    type: new FormControl<'Personal' | 'Service'>('Personal', { nonNullable: true }),
  });
  /** Statements of a Service token (FeatBit's token permissions). */
  readonly drafts = signal<StatementDraft[]>([]);
  private readonly perm = inject(PermissionsStore);
  private readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: 'Personal' as const,
  });
  readonly denied = computed(() =>
    this.perm.accessTokens(
      this.type() === 'Service' ? 'ManageServiceAccessTokens' : 'ManagePersonalAccessTokens',
    ),
  );

  /** The header a script sends (a code sample: not translated). */
  authHeader(token: string): string {
    return `Authorization: ${token.slice(0, 8)}…`;
  }

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { name, type } = this.form.getRawValue();
    if (type === 'Service' && draftProblems(this.drafts()).size > 0) {
      this.notifier.info(
        $localize`Fix the statements first: each needs an action and a valid resource name.`,
      );
      return;
    }
    this.saving.set(true);
    this.api.create(name.trim(), type, this.drafts().map(statementOf)).subscribe({
      next: (token) => {
        this.notifier.success($localize`Created “${name.trim()}:name:”`);
        this.created.set(token.token ?? '');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not create the token`);
      },
    });
  }
}
