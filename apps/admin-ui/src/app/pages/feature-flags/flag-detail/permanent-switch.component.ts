import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, map, type Observable, of, switchMap } from 'rxjs';
import { FlagLifecycleApi } from '../../../api/flag-lifecycle.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';

/**
 * The "Permanent flag" switch of the flag detail (flag lifecycle): a permanent flag is meant to stay
 * in the code and is never listed as launched or inactive. Emits `changed` once saved.
 */
@Component({
  selector: 'ff-permanent-switch',
  imports: [MatSlideToggle, MatTooltip],
  template: `
    <mat-slide-toggle
      i18n
      [checked]="isPermanent()"
      [disabled]="busy()"
      (change)="set($event)"
      matTooltip="A permanent flag stays in the code (a kill switch, an entitlement): never reported as ready to remove"
      i18n-matTooltip
      data-testid="flag-permanent-toggle"
    >
      Permanent flag
    </mat-slide-toggle>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PermanentSwitchComponent {
  private readonly api = inject(FlagLifecycleApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly flagKey = input.required<string>();
  readonly flagName = input.required<string>();
  readonly isPermanent = input.required<boolean>();
  readonly changed = output<void>();
  readonly busy = signal(false);

  set(event: MatSlideToggleChange): void {
    const on = event.checked;
    // Show the stored state until the change is saved.
    event.source.checked = this.isPermanent();
    this.busy.set(true);
    this.comment(on)
      .pipe(
        switchMap((comment) =>
          comment === undefined
            ? EMPTY
            : this.api.setPermanent(this.context.envId() ?? '', this.flagKey(), on, comment || undefined),
        ),
      )
      .subscribe({
        next: () => {
          this.notifier.success(
            on
              ? $localize`“${this.flagName()}:flagName:” is now permanent`
              : $localize`“${this.flagName()}:flagName:” is no longer permanent`,
          );
          this.changed.emit();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.notifier.error(err, $localize`Could not change the permanent mark`);
        },
        complete: () => this.busy.set(false),
      });
  }

  /** The change comment: asked only when the environment requires one; undefined when cancelled. */
  private comment(on: boolean): Observable<string | undefined> {
    if (!this.context.requireChangeComment()) return of('');
    return confirmAction(this.dialog, {
      title: on
        ? $localize`Mark “${this.flagName()}:flagName:” permanent?`
        : $localize`Unmark “${this.flagName()}:flagName:” as permanent?`,
      message: on
        ? $localize`It will no longer be listed as launched or inactive.`
        : $localize`Its lifecycle status will follow its evaluations and changes again.`,
      confirmLabel: on ? $localize`Mark permanent` : $localize`Unmark`,
      comment: 'required',
    }).pipe(map((r) => r?.comment));
  }
}
