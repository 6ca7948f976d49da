import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { describeError } from './error-messages';

/** Visible feedback for every action: a short snackbar, errors in words. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, $localize`OK`, { duration: 3500, panelClass: 'ff-snack-success' });
  }

  info(message: string): void {
    this.snackBar.open(message, $localize`OK`, { duration: 5000 });
  }

  error(err: unknown, prefix?: string): void {
    const text = describeError(err);
    this.snackBar.open(prefix ? $localize`${prefix}:prefix:: ${text}:error:` : text, $localize`Dismiss`, {
      duration: 8000,
      panelClass: 'ff-snack-error',
      politeness: 'assertive',
    });
  }
}
