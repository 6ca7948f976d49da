import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
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
      [matTooltip]="'Copy ' + what()"
      [attr.aria-label]="'Copy ' + what()"
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
  readonly what = input('value');

  copy(event: Event): void {
    event.stopPropagation();
    if (this.clipboard.copy(this.value())) {
      this.notifier.success(`Copied ${this.what()} to the clipboard`);
    } else {
      this.notifier.error(new Error('ClipboardUnavailable'), 'Copy failed');
    }
  }
}
