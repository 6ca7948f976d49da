import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/unsaved-changes.guard';
import { SegmentActions } from './segment-actions.service';

export const SEGMENT_ROUTES: Routes = [
  {
    path: '',
    providers: [SegmentActions],
    children: [
      {
        path: '',
        title: $localize`Segments · featbit-ts`,
        loadComponent: () =>
          import('./segment-list/segment-list-page.component').then((m) => m.SegmentListPageComponent),
      },
      {
        path: ':id',
        title: $localize`Segment · featbit-ts`,
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./segment-detail/segment-detail-page.component').then((m) => m.SegmentDetailPageComponent),
      },
    ],
  },
];
