import type { AbstractControl, AsyncValidatorFn, ValidationErrors, ValidatorFn } from '@angular/forms';
import { FLAG_KEY_MAX_LENGTH, FLAG_KEY_PATTERN } from '@domain/flags/feature-flag';
import { catchError, map, type Observable, of, switchMap, timer } from 'rxjs';

export { FLAG_KEY_MAX_LENGTH };

/** Keys of flags, segments, projects and environments: FeatBit's pattern. */
export const keyPattern: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = control.value ?? '';
  if (value === '') return null;
  if (value.length > FLAG_KEY_MAX_LENGTH) return { keyTooLong: true };
  return FLAG_KEY_PATTERN.test(value) ? null : { keyPattern: true };
};

/** A key suggested from a name: "New checkout (beta)" → "new-checkout-beta". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, FLAG_KEY_MAX_LENGTH);
}

/**
 * Live uniqueness check against the server, debounced; answers `{ keyUsed: true }`. A failing check
 * does not block the form (the server refuses a duplicate anyway and the error is shown then).
 */
export function uniqueKey(isUsed: (key: string) => Observable<boolean>, debounceMs = 300): AsyncValidatorFn {
  return (control: AbstractControl<string>) => {
    const key = (control.value ?? '').trim();
    if (!key || !FLAG_KEY_PATTERN.test(key)) return of(null);
    return timer(debounceMs).pipe(
      switchMap(() => isUsed(key)),
      map((used) => (used ? { keyUsed: true } : null)),
      catchError(() => of(null)),
    );
  };
}

/** The first error of a key control in words. */
export function keyErrorText(control: AbstractControl): string {
  if (control.hasError('required')) return $localize`Enter a key.`;
  if (control.hasError('keyPattern')) return $localize`Use letters, digits, ".", "_" and "-" only.`;
  if (control.hasError('keyTooLong')) return $localize`At most ${FLAG_KEY_MAX_LENGTH}:max: characters.`;
  if (control.hasError('keyUsed')) return $localize`This key is already used.`;
  return '';
}

/**
 * Waits for pending async validators (the live key check) so a quick submit is not ignored;
 * resolves with the final validity. Polls, because validation started at construction time
 * settles without emitting statusChanges. After 10 s the server's own check decides.
 */
export async function settledValid(control: AbstractControl): Promise<boolean> {
  control.markAllAsTouched();
  const deadline = Date.now() + 10_000;
  while (control.status === 'PENDING' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return control.status !== 'INVALID' && control.status !== 'DISABLED';
}
