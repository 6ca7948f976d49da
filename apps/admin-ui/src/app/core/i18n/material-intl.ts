import { Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatStepperIntl } from '@angular/material/stepper';

/** The paginator's labels in the build's language; the range reads "1 – 20 of 135" (“第 1–20 条，共 135 条”). */
@Injectable()
export class LocalizedPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = $localize`:paginator:Items per page:`;
  override nextPageLabel = $localize`:paginator:Next page`;
  override previousPageLabel = $localize`:paginator:Previous page`;
  override firstPageLabel = $localize`:paginator:First page`;
  override lastPageLabel = $localize`:paginator:Last page`;

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) {
      return $localize`:paginator, empty list:0 of ${length}:total:`;
    }
    // As MatPaginatorIntl counts: the last page may hold fewer items than the page size.
    const startIndex = page * pageSize;
    const start = startIndex + 1;
    const end = startIndex < length ? Math.min(startIndex + pageSize, length) : startIndex + pageSize;
    return $localize`:paginator:${start}:start: – ${end}:end: of ${length}:total:`;
  };
}

/** The stepper's built-in texts (step state labels read by screen readers). */
@Injectable()
export class LocalizedStepperIntl extends MatStepperIntl {
  override optionalLabel = $localize`:stepper:Optional`;
  override completedLabel = $localize`:stepper:Completed`;
  override editableLabel = $localize`:stepper:Editable`;
}

/** Angular Material's own texts, translated like the rest of the console. */
export function provideMaterialIntl(): Provider[] {
  return [
    { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl },
    { provide: MatStepperIntl, useClass: LocalizedStepperIntl },
  ];
}
