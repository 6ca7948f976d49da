import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Clipboard } from '@angular/cdk/clipboard';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { Notifier } from '../../core/feedback/notifier.service';

/** Icon button that copies a value and confirms with a snackbar. */
@Component({
  selector: 'ff-copy-button',
  imports: [MatIconButton, MatIcon, MatTooltip],
  template: `
    <button
      mat-icon-button
      type="button"
      [matTooltip]="label()"
      [attr.aria-label]="label()"
      (click)="copy($event)"
    >
      <mat-icon>content_copy</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButtonComponent {
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);

  readonly value = input.required<string>();
  /** What is copied, in words of the build's language ("flag key"): shown as "Copy flag key". */
  readonly what = input($localize`value`);
  readonly label = computed(() => $localize`Copy ${this.what()}:what:`);

  copy(event: Event): void {
    event.stopPropagation();
    if (this.clipboard.copy(this.value())) {
      this.notifier.success($localize`Copied ${this.what()}:what: to the clipboard`);
    } else {
      this.notifier.error(new Error('ClipboardUnavailable'), $localize`Copy failed`);
    }
  }
}
