import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';
import { confirmAction } from '../ui/confirm-dialog/confirm-dialog.component';

export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving a page with unsaved edits. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component?.hasUnsavedChanges()) return true;
  return confirmAction(inject(MatDialog), {
    title: $localize`Discard unsaved changes?`,
    message: $localize`You changed this page without saving. Leave and lose the changes?`,
    confirmLabel: $localize`Discard changes`,
    danger: true,
  }).pipe(map((result) => result !== undefined));
};
