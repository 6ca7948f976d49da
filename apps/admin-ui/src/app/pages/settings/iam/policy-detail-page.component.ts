import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { IamApi, isBuiltIn, type Policy } from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { draftOf, draftProblems, statementOf, type StatementDraft } from '../../../shared/statement-draft';
import { StatementEditorComponent } from '../../../ui/statement-editor/statement-editor.component';
import { BUILT_IN_NOTE } from './policies-page.component';
import { PolicyDialogComponent } from './policy-dialog.component';

/** One policy: its settings and the statement editor (read-only for built-in policies). */
@Component({
  selector: 'ff-policy-detail-page',
  imports: [RouterLink, MatButton, MatIcon, MatTooltip, StatementEditorComponent],
  template: `
    <a routerLink="../" class="back"><mat-icon inline>arrow_back</mat-icon> <span i18n>Policies</span></a>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The policy could not be loaded: {{ message }}</p>
    }
    @if (policy(); as p) {
      <div class="ff-toolbar">
        <div>
          <h2 data-testid="policy-title">{{ p.name }}</h2>
          <p class="ff-muted">
            <code>{{ p.key }}</code> ·
            @if (p.description) {
              {{ p.description }}
            } @else {
              <ng-container i18n>No description.</ng-container>
            }
          </p>
        </div>
        <span class="ff-spacer"></span>
        @if (!readonly()) {
          <button
            mat-stroked-button
            type="button"
            (click)="edit(p)"
            [disabled]="!!perm.iamAction()"
            [disabledInteractive]="true"
            [matTooltip]="perm.iamAction() ?? ''"
          >
            <mat-icon>edit</mat-icon> <span i18n>Edit</span>
          </button>
        }
      </div>
      @if (builtIn(p)) {
        <p class="ff-badge note" data-testid="policy-read-only">{{ builtInNote }}</p>
      }
      <section class="ff-card" aria-labelledby="policy-statements">
        <h3 i18n id="policy-statements">Statements</h3>
        <p i18n class="ff-muted ff-small">
          A request is allowed when an allow statement matches it and no deny statement does.
        </p>
        <ff-statement-editor [(drafts)]="drafts" [readonly]="readonly()" />
        @if (!readonly()) {
          <div class="ff-save-actions">
            <button i18n mat-button type="button" (click)="reset(p)" [disabled]="!dirty()">Discard</button>
            <button
              i18n
              mat-flat-button
              type="button"
              (click)="save(p)"
              [disabled]="!dirty() || invalid() || saving() || !!perm.iamAction()"
              [disabledInteractive]="true"
              [matTooltip]="perm.iamAction() ?? (invalid() ? fixFirstLabel : '')"
              data-testid="policy-statements-save"
            >
              Save statements
            </button>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .note {
      display: inline-block;
      margin-bottom: 12px;
    }
    .ff-save-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyDetailPageComponent {
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  readonly perm = inject(PermissionsStore);

  readonly policyId = input.required<string>();
  readonly policy = signal<Policy | null>(null);
  readonly drafts = signal<StatementDraft[]>([]);
  readonly saved = signal('[]');
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly readonly = computed(() => {
    const p = this.policy();
    return !p || isBuiltIn(p) || !!this.perm.iamAction();
  });
  readonly dirty = computed(() => JSON.stringify(this.drafts()) !== this.saved());
  readonly invalid = computed(() => draftProblems(this.drafts()).size > 0);
  readonly builtInNote = BUILT_IN_NOTE;
  readonly fixFirstLabel = $localize`Fix the statements first`;
  builtIn = isBuiltIn;

  constructor() {
    effect(() => {
      const id = this.policyId();
      untracked(() => void this.load(id));
    });
  }

  async load(id = this.policyId()): Promise<void> {
    try {
      const policy = await firstValueFrom(this.iam.policy(id));
      this.policy.set(policy);
      this.reset(policy);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    }
  }

  reset(policy: Policy): void {
    const drafts = policy.statements.map(draftOf);
    this.drafts.set(drafts);
    this.saved.set(JSON.stringify(drafts));
  }

  save(policy: Policy): void {
    if (this.invalid() || this.saving()) return;
    this.saving.set(true);
    // Statement ids are kept by position so an edited statement stays the same statement.
    const statements = this.drafts().map((d, i) => ({ ...statementOf(d), id: policy.statements[i]?.id }));
    this.iam.updateStatements(policy.id, statements).subscribe({
      next: () => {
        this.saving.set(false);
        this.notifier.success($localize`Saved the statements of “${policy.name}:name:”`);
        void this.load();
        void this.perm.refresh();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the statements`);
      },
    });
  }

  edit(policy: Policy): void {
    this.dialog
      .open(PolicyDialogComponent, { width: '480px', maxWidth: '95vw', data: { edit: policy } })
      .afterClosed()
      .subscribe(() => void this.load());
  }
}
