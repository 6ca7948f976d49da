import type { ErrorStateMatcher } from '@angular/material/core';

// Editors bound to signals compute their own errors. Material re-evaluates a matcher only for inputs
// with an NgControl, so these inputs use [ngModel] (standalone) together with one of these matchers.
export const SHOW_ERROR: ErrorStateMatcher = { isErrorState: () => true };
export const HIDE_ERROR: ErrorStateMatcher = { isErrorState: () => false };

export function errorMatcher(error: string | null | undefined): ErrorStateMatcher {
  return error ? SHOW_ERROR : HIDE_ERROR;
}
